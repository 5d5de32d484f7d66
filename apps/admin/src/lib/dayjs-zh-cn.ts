/**
 * dayjs in Chinese, for the console's build: `vite.config.ts` resolves every `import 'dayjs'` (the
 * pages' and antd's date pickers') to this module, so the locale comes with the first page that shows
 * a date instead of with the sign-in page, which shows none.
 */
import dayjs from 'dayjs/esm/index.js';
import 'dayjs/esm/locale/zh-cn.js';

dayjs.locale('zh-cn');

export default dayjs;

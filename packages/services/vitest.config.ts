import { packageConfig } from '@shequ/vitest-config';

export default packageConfig();

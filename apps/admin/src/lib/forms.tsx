/** Form helpers the console's pages share: dates as the API takes them (the server's problems: `serverErrors.tsx`). */
import { DatePicker, Form } from 'antd';
import dayjs from 'dayjs';
import { chinaToday } from '../pages/archives/dates.js';

/** What a date field gives the API: YYYY-MM-DD, or '' when empty (the API then names the field). */
export const asDate = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : '');

/** A full-width date field, today (in China) unless `empty`. */
export function DateItem({ name, label, empty }: { name: string; label: string; empty?: boolean }) {
  return (
    <Form.Item name={name} label={label} {...(empty ? {} : { initialValue: dayjs(chinaToday()) })}>
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** How the console shows a check's status (docs/interfaces.md §3 statuses) in Chinese. */
import { checkStatusLabels as statusLabels } from '@shequ/domain/labels';
import { Tag } from 'antd';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'not-applicable' | 'unknown';

export const statusOrder: CheckStatus[] = ['fail', 'warn', 'unknown', 'not-applicable', 'pass'];

// Shared with the API's spreadsheet exports, so a screen and its Excel file say the same.
export { bindingLabels, checkStatusLabels as statusLabels } from '@shequ/domain/labels';

/** antd tag colours; the same hues are used in the charts. */
export const statusTagColors: Record<CheckStatus, string> = {
  pass: 'success',
  fail: 'error',
  warn: 'warning',
  'not-applicable': 'default',
  unknown: 'processing',
};

export const statusChartColors: Record<CheckStatus, string> = {
  pass: '#52c41a',
  fail: '#f5222d',
  warn: '#faad14',
  'not-applicable': '#bfbfbf',
  unknown: '#8c8c8c',
};

export function StatusTag({ status }: { status: CheckStatus }) {
  return (
    <Tag color={statusTagColors[status]} data-status={status}>
      {statusLabels[status]}
    </Tag>
  );
}

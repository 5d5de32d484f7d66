/** How the console shows a check's status (CONTRACTS.md §3 statuses) in Chinese. */
import { Tag } from 'antd';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'not-applicable' | 'unknown';

export const statusOrder: CheckStatus[] = ['fail', 'warn', 'unknown', 'not-applicable', 'pass'];

export const statusLabels: Record<CheckStatus, string> = {
  pass: '通过',
  fail: '不通过',
  warn: '提醒',
  'not-applicable': '不适用',
  unknown: '未知',
};

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

export const bindingLabels: Record<'binding' | 'guiding', string> = {
  binding: '约束性',
  guiding: '指导性',
};

/**
 * What the register pages (走访、志愿者、活动、负担、清单、准入、物业区域…) share: a row card with its name,
 * tags, a grey line and an action, and the folded panel under the list where a new entry is added.
 */
import { Card, Collapse, Flex, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/** One entry of a register: the name in bold, its tags, a grey detail line, an action on the right, and what opens below. */
export function RowCard({
  title,
  tags,
  detail,
  more,
  action,
  children,
  style,
  testId,
}: {
  title: ReactNode;
  tags?: ReactNode;
  detail?: ReactNode;
  /** What stands under the grey line, in the same column. */
  more?: ReactNode;
  action?: ReactNode;
  children?: ReactNode;
  style?: CSSProperties;
  testId?: string;
}) {
  return (
    <Card size="small" {...(style ? { style } : {})} {...(testId ? { 'data-testid': testId } : {})}>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{title}</Typography.Text> {tags}
          {detail !== undefined && <div style={{ color: '#888' }}>{detail}</div>}
          {more}
        </div>
        {action}
      </Flex>
      {children}
    </Card>
  );
}

/** The folded panel under a register where a new entry is added. */
export function AddPanel({ label, children }: { label: string; children: ReactNode }) {
  return <Collapse items={[{ key: 'add', label, children }]} />;
}

/** A page of the console under its title: the title, then the page's parts one under another. */
import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';

export function TitledPage({
  title,
  testId,
  children,
}: {
  title: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid={testId}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </Space>
  );
}

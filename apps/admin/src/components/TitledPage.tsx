/** A page of the console under its title: the title, then the page's parts one under another. */
import { Space } from 'antd';
import type { ReactNode } from 'react';
import { PageHeading } from './PageHeading.js';

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
      <PageHeading title={title} />
      {children}
    </Space>
  );
}

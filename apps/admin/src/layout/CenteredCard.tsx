import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The frame of the pages outside the console (sign-in, first password). */
export function CenteredCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(135deg, #fdf2f0 0%, #f5f5f5 100%)',
      }}
    >
      <div style={{ width: 400, maxWidth: '92vw' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          社区工作管理平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          城市社区工作条例数字化
        </Typography.Paragraph>
        <Card title={title}>{children}</Card>
      </div>
    </div>
  );
}

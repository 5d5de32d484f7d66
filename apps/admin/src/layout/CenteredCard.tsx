import { theme } from 'antd';
import type { ReactNode } from 'react';

/**
 * The frame of the pages outside the console (sign-in, first password). Plain markup styled with the
 * theme's tokens rather than antd's Card and Typography: the sign-in page is the first thing anyone
 * downloads, and those components bring tabs and text editing along that it never uses.
 */
export function CenteredCard({ title, children }: { title: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(135deg, #fdf2f0 0%, #f5f5f5 100%)',
        fontFamily: token.fontFamily,
        color: token.colorText,
      }}
    >
      <div style={{ width: 400, maxWidth: '92vw' }}>
        <h1 style={{ textAlign: 'center', fontSize: 24, fontWeight: 600, margin: '0 0 4px' }}>
          社区工作管理平台
        </h1>
        <p style={{ textAlign: 'center', color: token.colorTextSecondary, margin: '0 0 16px' }}>
          城市社区工作条例数字化
        </p>
        <section
          aria-label={title}
          style={{
            background: token.colorBgContainer,
            borderRadius: token.borderRadiusLG,
            border: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <h2
            style={{
              fontSize: 16,
              fontWeight: 600,
              margin: 0,
              padding: '16px 24px',
              borderBottom: `1px solid ${token.colorBorderSecondary}`,
            }}
          >
            {title}
          </h2>
          <div style={{ padding: 24 }}>{children}</div>
        </section>
      </div>
    </div>
  );
}

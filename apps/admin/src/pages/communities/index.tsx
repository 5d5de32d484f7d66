import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { trpc } from '../../lib/trpc.js';
import { CommunityTable } from './CommunityTable.js';
import { JurisdictionTree } from './JurisdictionTree.js';
import { SpreadsheetActions } from './SpreadsheetActions.js';

/** Browse the division tree on the left; the communities under the chosen node are listed on the right. */
export default function CommunitiesPage() {
  const [params, setParams] = useSearchParams();
  const under = params.get('under') ?? undefined;
  const underName = params.get('name') ?? undefined;
  const me = useQuery(trpc.auth.me.queryOptions());

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8} xxl={6}>
        <Card title="行政区划" size="small">
          <JurisdictionTree
            selected={under}
            onSelect={(code, name) => setParams(new URLSearchParams({ under: code, name }))}
          />
        </Card>
      </Col>
      <Col xs={24} lg={16} xxl={18}>
        <Card
          size="small"
          extra={<SpreadsheetActions canWrite={me.data?.role !== undefined && me.data.role !== 'auditor'} />}
          title={
            <span>
              社区列表
              {under && (
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontWeight: 'normal' }}>
                  {underName ?? under}（{under}）
                </Typography.Text>
              )}
            </span>
          }
        >
          <CommunityTable key={under ?? 'all'} />
        </Card>
      </Col>
    </Row>
  );
}

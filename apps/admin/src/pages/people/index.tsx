import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Card,
  Col,
  Collapse,
  Empty,
  Flex,
  Grid,
  Progress,
  Row,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/fieldErrors.js';
import { trpc } from '../../lib/trpc.js';
import { JurisdictionTree } from '../communities/JurisdictionTree.js';
import { peopleLink, StaffingSummary } from './StaffingSummary.js';

// The roster, with its filters and spreadsheets, is fetched when a street or community is chosen.
const Roster = lazy(() => import('./roster.js'));

function StaffingChart({ under }: { under: string }) {
  const staffing = useQuery(trpc.people.staffing.queryOptions({ under }));
  const rows = staffing.data?.communities.filter((c) => c.hasRoster) ?? [];
  return (
    <Card size="small" title="各社区在册专职人员（不少于5人）" data-testid="staffing-chart">
      {staffing.isError && <Alert type="error" showIcon title={errorMessage(staffing.error)} />}
      {rows.length === 0 && <Empty description="辖区内还没有社区登记花名册" />}
      {rows.map((c) => {
        const fullTime = 'fullTime' in c ? (c.fullTime ?? 0) : 0;
        const floor = staffing.data?.floor ?? 5;
        return (
          <Flex key={c.code} gap={8} align="center" wrap>
            <Link to={`/people/org/${c.code}`} style={{ minWidth: 140 }}>
              {c.name}
            </Link>
            <Progress
              style={{ flex: 1, minWidth: 160, margin: 0 }}
              percent={Math.min(100, (fullTime / Math.max(floor * 2, fullTime)) * 100)}
              success={{ percent: (floor / Math.max(floor * 2, fullTime)) * 100 }}
              status={fullTime < floor ? 'exception' : 'normal'}
              format={() => `${fullTime}人`}
            />
          </Flex>
        );
      })}
    </Card>
  );
}

/** Street and community codes: the levels whose roster is short enough to list person by person. */
const listsPeople = (code: string) => code.length >= 9;

export default function PeoplePage() {
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const me = useQuery(trpc.auth.me.queryOptions());
  const under = params.get('under') || me.data?.jurisdictionCode;
  const node = useQuery({ ...trpc.people.summary.queryOptions({ under: under ?? '' }), enabled: !!under });
  const pick = (code: string) => setParams(new URLSearchParams({ under: code }));
  const tree = <JurisdictionTree selected={under} onSelect={pick} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="people-page">
      {node.data && node.data.node.path.length > 0 && (
        <Breadcrumb
          items={[
            ...node.data.node.path.map((entry) => ({
              title: <Link to={peopleLink(entry.code)}>{entry.name}</Link>,
            })),
            { title: node.data.node.name },
          ]}
        />
      )}
      <Typography.Title level={3} style={{ margin: 0 }}>
        人员名册{node.data ? ` · ${node.data.node.name}` : ''}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xxl={5}>
          {/* On a phone the tree folds away above the lists instead of pushing them a screen down. */}
          {screens.lg ? (
            <Card size="small" title="选择辖区">
              {tree}
            </Card>
          ) : (
            <Collapse size="small" items={[{ key: 'tree', label: '选择辖区', children: tree }]} />
          )}
        </Col>
        <Col xs={24} lg={17} xxl={19}>
          {under && (
            <Space orientation="vertical" style={{ width: '100%' }} size="middle">
              {under.length < 12 && <StaffingSummary under={under} />}
              {listsPeople(under) ? (
                <Suspense fallback={<Skeleton active />}>
                  <Roster key={under} under={under} />
                </Suspense>
              ) : (
                <Alert type="info" showIcon title="选择街道（乡镇）或社区，查看人员名单和筛选" />
              )}
              {under.length === 9 && <StaffingChart under={under} />}
            </Space>
          )}
        </Col>
      </Row>
    </Space>
  );
}

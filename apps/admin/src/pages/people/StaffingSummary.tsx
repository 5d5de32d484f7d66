/**
 * Staffing under a node above one community: totals, and one row per child node (the districts of a
 * city, the streets of a district, the communities of a street), each a link one level down.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Skeleton, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../../lib/fieldErrors.js';
import { type RouterOutputs, trpc } from '../../lib/trpc.js';

type Summary = RouterOutputs['people']['summary'];
type ChildRow = Summary['children'][number];

/** Where a child row leads: a community's organisation chart, or the page one level down. */
export function peopleLink(code: string): string {
  return `/people?${new URLSearchParams({ under: code })}`;
}

function columns(floor: number, childrenAreCommunities: boolean): TableColumnsType<ChildRow> {
  return [
    {
      title: childrenAreCommunities ? '社区' : '下级辖区',
      dataIndex: 'name',
      fixed: 'left',
      width: 140,
      render: (name: string, row) => <Link to={peopleLink(row.code)}>{name}</Link>,
    },
    ...(childrenAreCommunities
      ? []
      : [
          { title: '社区数', dataIndex: 'communities' },
          { title: '有花名册', dataIndex: 'withRoster' },
        ]),
    { title: '在岗人数', dataIndex: 'onPost' },
    { title: '两委成员', dataIndex: 'twoCommittees' },
    { title: '社区专干', dataIndex: 'specialists' },
    { title: '专职人员', dataIndex: 'fullTime' },
    childrenAreCommunities
      ? {
          title: '状态',
          key: 'state',
          render: (_value, row) =>
            row.withRoster === 0 ? (
              <Tag>未登记花名册</Tag>
            ) : row.belowFloor > 0 ? (
              <Tag color="red">专职人员不足{floor}人</Tag>
            ) : (
              <Tag color="green">不少于{floor}人</Tag>
            ),
        }
      : {
          title: `专职不足${floor}人的社区`,
          dataIndex: 'belowFloor',
          render: (count: number) => (count > 0 ? <Tag color="red">{count}</Tag> : count),
        },
  ];
}

export function StaffingSummary({ under }: { under: string }) {
  const summary = useQuery(trpc.people.summary.queryOptions({ under }));
  if (summary.isError) return <Alert type="error" showIcon title={errorMessage(summary.error)} />;
  if (!summary.data) return <Skeleton active />;
  const { total, floor, children, asOf } = summary.data;
  const childrenAreCommunities = children.some((c) => c.level === 'community');
  return (
    <Card size="small" title={`在岗人员概况（${asOf}）`} data-testid="people-summary">
      <Row gutter={[16, 8]}>
        <Col xs={12} md={6}>
          <Statistic title="社区总数" value={total.communities} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="已登记花名册" value={total.withRoster} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="在岗人数" value={total.onPost} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={`专职不足${floor}人的社区`}
            value={total.belowFloor}
            styles={{ content: total.belowFloor > 0 ? { color: '#cf1322' } : {} }}
          />
        </Col>
      </Row>
      <Table<ChildRow>
        rowKey="code"
        size="small"
        style={{ marginTop: 12 }}
        data-testid="people-summary-children"
        dataSource={children}
        columns={columns(floor, childrenAreCommunities)}
        scroll={{ x: 640 }}
        pagination={children.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: '没有下级辖区' }}
      />
    </Card>
  );
}

/** 外带与逾期: every seal out of the office (overdue ones marked) and archive loans past due, in my scope. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Space, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { ExportButton } from '../../components/ExportButton.js';
import { QueryTable } from '../../components/QueryTable.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { timeLate } from '../../lib/overdue.js';
import { errorCode, type RouterOutputs, trpc, trpcClient } from '../../lib/trpc.js';
import { loanedItemColumns } from './itemColumns.js';
import { RequestActions } from './RequestActions.js';
import { CommunityLink, DueDate, formatTime, useCanWrite } from './shared.js';

type OverdueLoan = RouterOutputs['archives']['overdueLoans'][number];
type SealOut = RouterOutputs['seals']['out'][number];

function isLate(returnBy: string | null): boolean {
  return !!returnBy && new Date(returnBy).getTime() < Date.now();
}

/**
 * The columns of both seal tables (out now, overdue): `seals.out` and `seals.overdue` return the same
 * rows. `withPeople` adds the custodian and the approver; a deadline already past shows in red.
 */
function sealOutColumns(
  canWrite: boolean,
  { withPeople }: { withPeople: boolean },
): TableColumnsType<SealOut> {
  return [
    {
      title: '社区',
      dataIndex: 'communityName',
      render: (name: string | null, request) => (
        <CommunityLink code={request.communityCode} name={name} tab="seals" />
      ),
    },
    { title: '印章', dataIndex: 'sealName' },
    ...(withPeople
      ? [{ title: '保管人', dataIndex: 'custodianName', render: (value: string | null) => value ?? '—' }]
      : []),
    { title: '带出人', dataIndex: 'requesterName' },
    ...(withPeople
      ? [{ title: '批准人', dataIndex: 'deciderName', render: (value: string | null) => value ?? '—' }]
      : []),
    { title: '去向', dataIndex: 'destination', render: (value: string | null) => value ?? '—' },
    { title: '带出时间', dataIndex: 'takenOutAt', render: (value: string | null) => formatTime(value) },
    {
      title: '归还期限',
      dataIndex: 'returnBy',
      render: (value: string | null) =>
        isLate(value) ? (
          <Typography.Text type="danger">
            {formatTime(value)}（{timeLate(value)}）
          </Typography.Text>
        ) : (
          formatTime(value)
        ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_value, request) => <RequestActions request={request} canWrite={canWrite} />,
    },
  ];
}

export default function OverduePage() {
  const canWrite = useCanWrite();
  const sealsOut = useQuery(trpc.seals.out.queryOptions({}));
  const seals = useQuery(trpc.seals.overdue.queryOptions({}));
  const loans = useQuery(trpc.archives.overdueLoans.queryOptions({}));
  // All three lists refused (a worker with no archive duties): say why once, with no empty tables.
  const refused = [sealsOut, seals, loans].find(
    (list) => list.isError && errorCode(list.error) === 'FORBIDDEN',
  );
  const allRefused = [sealsOut, seals, loans].every(
    (list) => list.isError && errorCode(list.error) === 'FORBIDDEN',
  );
  const heading = (
    <>
      <Breadcrumb items={[{ title: <Link to="/archives">档案印章</Link> }, { title: '外带与逾期' }]} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        外带与逾期
      </Typography.Title>
    </>
  );
  if (allRefused && refused) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {heading}
        <Alert type="warning" showIcon title={errorMessage(refused.error)} />
      </Space>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {heading}
      <Card
        size="small"
        title={`外带在外的印章（${sealsOut.data?.length ?? 0} 枚）`}
        extra={<ExportButton size="small" load={() => trpcClient.spreadsheets.exportSealsOut.query({})} />}
      >
        <QueryTable<SealOut>
          query={sealsOut}
          rowKey="id"
          data-testid="seals-out"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '没有带出办公室的印章' }}
          onRow={(request) => (isLate(request.returnBy) ? { style: { background: '#fff1f0' } } : {})}
          columns={sealOutColumns(canWrite, { withPeople: true })}
        />
      </Card>
      <Card
        size="small"
        title="外带逾期未还的印章"
        extra={
          <ExportButton size="small" load={() => trpcClient.spreadsheets.exportSealsOverdue.query({})} />
        }
      >
        <QueryTable<SealOut>
          query={seals}
          rowKey="id"
          data-testid="overdue-seals"
          pagination={false}
          locale={{ emptyText: '没有逾期未还的印章' }}
          columns={sealOutColumns(canWrite, { withPeople: false })}
        />
      </Card>
      <Card
        size="small"
        title="逾期未还的档案"
        extra={
          <ExportButton size="small" load={() => trpcClient.spreadsheets.exportOverdueLoans.query({})} />
        }
      >
        <QueryTable<OverdueLoan>
          query={loans}
          rowKey="loanId"
          data-testid="overdue-loans"
          pagination={false}
          locale={{ emptyText: '没有逾期未还的档案' }}
          columns={[
            {
              title: '社区',
              dataIndex: 'communityName',
              render: (name: string | null, loan) => (
                <CommunityLink code={loan.communityCode} name={name} tab="lending" />
              ),
            },
            ...loanedItemColumns<OverdueLoan>(),
            { title: '借出日期', dataIndex: 'lentOn' },
            { title: '应还日期', dataIndex: 'dueOn', render: (dueOn: string) => <DueDate dueOn={dueOn} /> },
          ]}
        />
      </Card>
    </Space>
  );
}

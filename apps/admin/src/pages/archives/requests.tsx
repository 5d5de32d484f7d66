/**
 * 审批与申请: seal requests and proposals to retire or destroy a seal waiting for my decision, and my
 * own requests and proposals with where each stands.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Table, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ExportButton } from '../../components/ExportButton.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { trpc, trpcClient } from '../../lib/trpc.js';
import { type EndProposalRow, EndProposalTable } from './EndProposals.js';
import { requestKindLabels } from './labels.js';
import {
  RequestActions,
  RequestState,
  requestSummary,
  type SealRequestRow,
  WithdrawRequest,
} from './RequestActions.js';
import { CommunityLink, formatTime, keepOnOneLine, useCanWrite } from './shared.js';

function RequestTable({
  rows,
  loading,
  canWrite,
  showRequester,
  testId,
}: {
  rows: SealRequestRow[];
  loading: boolean;
  canWrite: boolean;
  showRequester: boolean;
  testId: string;
}) {
  return (
    <Table<SealRequestRow>
      rowKey="id"
      size="middle"
      data-testid={testId}
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: showRequester ? '没有待审批的申请' : '还没有提交过申请' }}
      columns={[
        {
          title: '社区',
          dataIndex: 'communityName',
          ...keepOnOneLine(120),
          render: (name: string | null, request) => (
            <CommunityLink code={request.communityCode} name={name} tab="seals" />
          ),
        },
        { title: '印章', dataIndex: 'sealName', ...keepOnOneLine(150) },
        {
          title: '类别',
          dataIndex: 'kind',
          ...keepOnOneLine(64),
          render: (kind: string) => requestKindLabels[kind] ?? kind,
        },
        ...(showRequester ? [{ title: '申请人', dataIndex: 'requesterName', ...keepOnOneLine(130) }] : []),
        {
          title: '申请时间',
          dataIndex: 'requestedAt',
          ...keepOnOneLine(140),
          render: (value: string) => formatTime(value),
        },
        { title: '内容', key: 'summary', render: (_value, request) => requestSummary(request) },
        {
          title: '状态',
          key: 'state',
          ...keepOnOneLine(120),
          render: (_value, request) => <RequestState request={request} />,
        },
        ...(canWrite
          ? [
              {
                title: '操作',
                key: 'actions',
                ...keepOnOneLine(160),
                render: (_value: unknown, request: SealRequestRow) =>
                  showRequester ? (
                    <RequestActions request={request} canWrite={canWrite} />
                  ) : (
                    <WithdrawRequest request={request} />
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

interface Listed<Row> {
  data?: Row[];
  isError: boolean;
  error: unknown;
  isFetching: boolean;
}

/**
 * A tab of seal requests: the stopping and destruction proposals above (only when there are any, under
 * `endsTitle`), then the use and take-out requests.
 */
function RequestsTab({
  requests,
  ends,
  endsTitle,
  mode,
  canWrite,
  showRequester,
  testId,
}: {
  requests: Listed<SealRequestRow>;
  ends: Listed<EndProposalRow>;
  endsTitle: string;
  mode: 'inbox' | 'mine';
  canWrite: boolean;
  showRequester: boolean;
  testId: string;
}) {
  return (
    <>
      {ends.isError && <Alert type="error" showIcon title={errorMessage(ends.error)} />}
      {(ends.data?.length ?? 0) > 0 && (
        <>
          <Typography.Title level={5}>{endsTitle}</Typography.Title>
          <EndProposalTable
            rows={ends.data ?? []}
            loading={ends.isFetching}
            canWrite={canWrite}
            mode={mode}
          />
          <Typography.Title level={5}>用印、外带申请</Typography.Title>
        </>
      )}
      {requests.isError && <Alert type="error" showIcon title={errorMessage(requests.error)} />}
      <RequestTable
        rows={requests.data ?? []}
        loading={requests.isFetching}
        canWrite={canWrite}
        showRequester={showRequester}
        testId={testId}
      />
    </>
  );
}

export default function RequestsPage() {
  const [params, setParams] = useSearchParams();
  const canWrite = useCanWrite();
  const inbox = useQuery(trpc.seals.inbox.queryOptions());
  const mine = useQuery(trpc.seals.mine.queryOptions());
  const endInbox = useQuery(trpc.seals.endInbox.queryOptions());
  const myEnds = useQuery(trpc.seals.myEndProposals.queryOptions());
  const tab = params.get('tab') === 'mine' ? 'mine' : 'inbox';
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/archives">档案印章</Link> }, { title: '审批与申请' }]} />
      <Typography.Title level={3}>审批与申请</Typography.Title>
      <Card size="small">
        <Typography.Paragraph type="secondary">
          用印须经本社区印章使用制度指定的审批人批准，由保管人登记用印（鄂州
          第四十条）。批准后的用印登记、印章带出与归还，由保管人在对应社区的「印章登记」中操作。
        </Typography.Paragraph>
        <Tabs
          activeKey={tab}
          tabBarExtraContent={
            // The export follows the open tab: the inbox or my own requests, whole (not one page).
            <ExportButton
              load={() =>
                tab === 'inbox'
                  ? trpcClient.spreadsheets.exportSealInbox.query()
                  : trpcClient.spreadsheets.exportMySealRequests.query()
              }
            />
          }
          onChange={(key) => setParams(key === 'inbox' ? {} : { tab: key })}
          items={[
            {
              key: 'inbox',
              label: `待我审批（${(inbox.data?.length ?? 0) + (endInbox.data?.length ?? 0)}）`,
              children: (
                <RequestsTab
                  requests={inbox}
                  ends={endInbox}
                  endsTitle="待我确认的印章停用、销毁"
                  mode="inbox"
                  canWrite={canWrite}
                  showRequester
                  testId="inbox"
                />
              ),
            },
            {
              key: 'mine',
              label: '我的申请',
              children: (
                <RequestsTab
                  requests={mine}
                  ends={myEnds}
                  endsTitle="我提出的印章停用、销毁"
                  mode="mine"
                  canWrite={canWrite}
                  showRequester={false}
                  testId="my-requests"
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

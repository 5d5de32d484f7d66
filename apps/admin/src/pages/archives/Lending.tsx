/**
 * 借阅登记: what is out now, due when, overdue first; returning is one click. The returned loans stay in
 * the register and are a filter away (未归还 / 已归还 / 全部).
 */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../components/ExportButton.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { queryClient, type RouterOutputs, trpc, trpcClient } from '../../lib/trpc.js';
import { loanedItemColumns } from './itemColumns.js';
import { DueDate, daysPast, useCanWrite } from './shared.js';

type OpenLoan = RouterOutputs['archives']['loans']['items'][number];

type Shown = 'open' | 'returned' | 'all';
const shownOptions: { value: Shown; label: string }[] = [
  { value: 'open', label: '未归还' },
  { value: 'returned', label: '已归还' },
  { value: 'all', label: '全部' },
];
const openFilter: Record<Shown, boolean | undefined> = { open: true, returned: false, all: undefined };

export function Lending({ community }: { community: string }) {
  const { message } = App.useApp();
  const canWrite = useCanWrite();
  const me = useQuery(trpc.auth.me.queryOptions()).data;
  const [shown, setShown] = useState<Shown>('open');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  // The server orders open loans by due date, so the overdue ones come first on page 1.
  const onLoan = useQuery({
    ...trpc.archives.loans.queryOptions({ communityCode: community, open: openFilter[shown], ...paging }),
    placeholderData: keepPreviousData,
  });
  const loans = onLoan.data?.items ?? [];
  const isLate = (loan: OpenLoan) => loan.returnedOn === null && daysPast(loan.dueOn) > 0;
  const overdue = loans.filter(isLate).length;
  const giveBack = useMutation(
    trpc.archives.return.mutationOptions({
      onSuccess: () => {
        message.success('已登记归还');
        void queryClient.invalidateQueries({ queryKey: trpc.archives.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.custody.pathKey() });
      },
      onError: (error) => message.error(errorMessage(error)),
    }),
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Segmented<Shown>
          aria-label="借阅状态"
          options={shownOptions}
          value={shown}
          onChange={(value) => {
            setShown(value);
            setPaging((current) => ({ ...current, page: 1 }));
          }}
        />
        <Typography.Text type="secondary">
          借出请在「档案目录」中点该档案的「借出」；未归还的按应还日期排列，逾期的在前。
        </Typography.Text>
        <ExportButton
          load={() =>
            trpcClient.spreadsheets.exportLoans.query({ communityCode: community, open: openFilter[shown] })
          }
        >
          导出{shownOptions.find((option) => option.value === shown)?.label}
        </ExportButton>
      </Space>
      {onLoan.isError && <Alert type="error" showIcon title={errorMessage(onLoan.error)} />}
      {overdue > 0 && <Alert type="error" showIcon title={`本页 ${overdue} 件档案逾期未还，请催还`} />}
      <Table<OpenLoan>
        rowKey="loanId"
        size="middle"
        data-testid="open-loans"
        loading={onLoan.isFetching}
        dataSource={loans}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: onLoan.data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (total) => `共 ${total} 件`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        locale={{
          emptyText:
            shown === 'open'
              ? '没有借出未还的档案'
              : shown === 'returned'
                ? '没有已归还的借阅'
                : '没有借阅记录',
        }}
        onRow={(loan) => (isLate(loan) ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          ...loanedItemColumns<OpenLoan>(),
          {
            title: '事由',
            dataIndex: 'purpose',
            responsive: ['lg'],
            render: (value: string | null) => value ?? '—',
          },
          { title: '借出日期', dataIndex: 'lentOn' },
          {
            title: '应还日期',
            dataIndex: 'dueOn',
            render: (dueOn: string, loan: OpenLoan) => (
              <DueDate dueOn={dueOn} done={loan.returnedOn !== null} />
            ),
          },
          ...(shown === 'open'
            ? []
            : [
                {
                  title: '归还日期',
                  dataIndex: 'returnedOn',
                  render: (value: string | null) => value ?? '未还',
                },
              ]),
          ...(canWrite && shown !== 'returned'
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  // Only the item's custodian takes it back; the row says who that is not, so others see no button.
                  render: (_value: unknown, loan: OpenLoan) =>
                    loan.returnedOn !== null || loan.custodianId !== me?.id ? null : (
                      <Popconfirm
                        title={`登记 ${loan.referenceCode} 已归还？`}
                        okText="归还"
                        onConfirm={() => giveBack.mutateAsync({ id: loan.itemId })}
                      >
                        <Button size="small">归还</Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}

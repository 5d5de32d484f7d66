/** 借阅登记: what is out now, due when, overdue first; returning is one click. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../components/ExportButton.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { queryClient, type RouterOutputs, trpc, trpcClient } from '../../lib/trpc.js';
import { ReferenceCode } from './Catalogue.js';
import { DueDate, daysPast, useCanWrite } from './shared.js';

type OpenLoan = RouterOutputs['archives']['loans']['items'][number];

export function Lending({ community }: { community: string }) {
  const { message } = App.useApp();
  const canWrite = useCanWrite();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  // The server orders open loans by due date, so the overdue ones come first on page 1.
  const onLoan = useQuery({
    ...trpc.archives.loans.queryOptions({ communityCode: community, open: true, ...paging }),
    placeholderData: keepPreviousData,
  });
  const loans = onLoan.data?.items ?? [];
  const overdue = loans.filter((loan) => daysPast(loan.dueOn) > 0).length;
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
        <Typography.Text type="secondary">
          借出请在「档案目录」中点该档案的「借出」；这里列出尚未归还的档案，按应还日期排列。
        </Typography.Text>
        <ExportButton
          load={() => trpcClient.spreadsheets.exportLoans.query({ communityCode: community, open: true })}
        >
          导出借出未还
        </ExportButton>
        <ExportButton load={() => trpcClient.spreadsheets.exportLoans.query({ communityCode: community })}>
          导出全部借阅登记
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
        locale={{ emptyText: '没有借出未还的档案' }}
        onRow={(loan) => (daysPast(loan.dueOn) > 0 ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          {
            title: '档号',
            dataIndex: 'referenceCode',
            render: (code: string) => <ReferenceCode code={code} />,
          },
          { title: '题名', dataIndex: 'title' },
          {
            title: '借阅人',
            dataIndex: 'borrower',
            render: (borrower: string, loan: OpenLoan) =>
              loan.borrowerName && loan.borrowerName !== borrower
                ? `${borrower}（${loan.borrowerName}）`
                : borrower,
          },
          {
            title: '事由',
            dataIndex: 'purpose',
            responsive: ['lg'],
            render: (value: string | null) => value ?? '—',
          },
          { title: '借出日期', dataIndex: 'lentOn' },
          { title: '应还日期', dataIndex: 'dueOn', render: (dueOn: string) => <DueDate dueOn={dueOn} /> },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_value: unknown, loan: OpenLoan) => (
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

/** 借阅登记: what is out now, due when, overdue first; returning is one click. */
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Space, Table, Typography } from 'antd';
import { errorMessage } from '../../lib/fieldErrors.js';
import { queryClient, trpc } from '../../lib/trpc.js';
import { ReferenceCode } from './Catalogue.js';
import { DueDate, daysPast, useCanWrite } from './shared.js';

interface OpenLoan {
  itemId: string;
  referenceCode: string;
  title: string;
  borrower: string;
  purpose: string | null;
  lentOn: string;
  dueOn: string;
}

export function Lending({ community }: { community: string }) {
  const { message } = App.useApp();
  const canWrite = useCanWrite();
  const onLoan = useQuery(
    trpc.archives.list.queryOptions({ community, status: 'onLoan', page: 1, pageSize: 100 }),
  );
  // The list gives the items; each item's open loan (borrower, due date) comes with its detail.
  const details = useQueries({
    queries: (onLoan.data?.items ?? []).map((item) => trpc.archives.get.queryOptions({ id: item.id })),
  });
  const loans: OpenLoan[] = [];
  for (const detail of details) {
    const item = detail.data;
    const loan = item?.loans.find((entry) => entry.returnedOn === null);
    if (item?.id && item.referenceCode && item.title && loan) {
      loans.push({
        itemId: item.id,
        referenceCode: item.referenceCode,
        title: item.title,
        borrower: loan.borrower,
        purpose: loan.purpose,
        lentOn: loan.lentOn,
        dueOn: loan.dueOn,
      });
    }
  }
  loans.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
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
      <Typography.Text type="secondary">
        借出请在「档案目录」中点该档案的「借出」；这里列出尚未归还的档案，按应还日期排列。
      </Typography.Text>
      {onLoan.isError && <Alert type="error" showIcon title={errorMessage(onLoan.error)} />}
      {overdue > 0 && <Alert type="error" showIcon title={`${overdue} 件档案逾期未还，请催还`} />}
      <Table<OpenLoan>
        rowKey="itemId"
        size="middle"
        data-testid="open-loans"
        loading={onLoan.isFetching || details.some((detail) => detail.isFetching)}
        dataSource={loans}
        pagination={false}
        locale={{ emptyText: '没有借出未还的档案' }}
        onRow={(loan) => (daysPast(loan.dueOn) > 0 ? { style: { background: '#fff1f0' } } : {})}
        columns={[
          {
            title: '档号',
            dataIndex: 'referenceCode',
            render: (code: string) => <ReferenceCode code={code} />,
          },
          { title: '题名', dataIndex: 'title' },
          { title: '借阅人', dataIndex: 'borrower' },
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

/** 档案目录: the community's items by reference code, searchable and filtered, with lending from the row. */
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Input,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Table,
  type TableProps,
  Typography,
} from 'antd';
import { lazy, useState } from 'react';
import { ExportButton } from '../../components/ExportButton.js';
import { WhenOpened } from '../../components/OnDemand.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { optionsOf } from '../../lib/labels.js';
import {
  errorCode,
  queryClient,
  type RouterInputs,
  type RouterOutputs,
  trpc,
  trpcClient,
} from '../../lib/trpc.js';
import { catalogueFilterLabels, contentGroupLabel, mediumLabels, retentionLabels } from './labels.js';
import { location, useCanWrite, usePeople } from './shared.js';
import { ReferenceCode, StatusTag } from './tags.js';

// The forms (with their date pickers and number inputs) are fetched when one is first opened.
const archiveForms = () => import('./ArchiveForms.js');
const NewItemModal = lazy(() => archiveForms().then((m) => ({ default: m.NewItemModal })));
const LendModal = lazy(() => archiveForms().then((m) => ({ default: m.LendModal })));
// An item's drawer (attachments, upload, appraisal) is fetched when one is first opened.
const ItemDrawer = lazy(() => import('./ItemDrawer.js'));

type ItemRow = RouterOutputs['archives']['list']['items'][number];
type ListInput = RouterInputs['archives']['list'];

/** A filter over the catalogue: it names itself until chosen, and may be cleared (`undefined`). */
function FilterSelect<V extends string>({
  label,
  width,
  labels,
  onChange,
}: {
  label: string;
  width: number;
  labels: Record<V, string | { label: string }>;
  onChange: (value?: V) => void;
}) {
  return (
    <Select<V>
      allowClear
      placeholder={label}
      aria-label={label}
      style={{ width }}
      options={optionsOf(labels)}
      onChange={onChange}
    />
  );
}

export function Catalogue({ community }: { community: string }) {
  const { message } = App.useApp();
  const canWrite = useCanWrite();
  const { people } = usePeople(community);
  const me = useQuery(trpc.auth.me.queryOptions()).data;
  const [filters, setFilters] = useState<Omit<ListInput, 'community'>>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [lending, setLending] = useState<ItemRow | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const input: ListInput = { community, ...filters };
  const list = useQuery({ ...trpc.archives.list.queryOptions(input), placeholderData: keepPreviousData });
  const rows = list.data?.items ?? [];
  const giveBack = useMutation(
    trpc.archives.return.mutationOptions({
      onSuccess: () => {
        message.success('已登记归还');
        void queryClient.invalidateQueries({ queryKey: trpc.archives.pathKey() });
      },
      onError: (error) => message.error(errorMessage(error)),
    }),
  );
  const set = (changes: Partial<ListInput>) => setFilters((current) => ({ ...current, ...changes, page: 1 }));

  const columns: TableProps<ItemRow>['columns'] = [
    {
      title: '档号',
      dataIndex: 'referenceCode',
      render: (code: string) => <ReferenceCode code={code} />,
    },
    {
      title: '题名',
      dataIndex: 'title',
      // A long title (up to 500 characters) stops at three lines, whole on hover and in the item's view,
      // so the other columns keep their width.
      // The clamp sits on a wrapper: Typography drops a line clamp set on itself unless it ellipsises.
      render: (title: string, row) => (
        <div
          title={title}
          data-testid="catalogue-title"
          style={{
            display: '-webkit-box',
            WebkitLineClamp: 3,
            WebkitBoxOrient: 'vertical',
            overflow: 'hidden',
            minWidth: 160,
            maxWidth: 480,
          }}
        >
          <Typography.Link onClick={() => setViewing(row.id)}>{title}</Typography.Link>
        </div>
      ),
    },
    { title: '责任者', dataIndex: 'issuer', responsive: ['xl'] },
    { title: '日期', dataIndex: 'date', responsive: ['lg'] },
    { title: '载体', dataIndex: 'medium', render: (value: string) => mediumLabels[value] ?? value },
    {
      title: '内容类别',
      dataIndex: 'contentGroup',
      responsive: ['xl'],
      render: (value: string) => contentGroupLabel(value),
    },
    {
      title: '保管期限',
      dataIndex: 'retention',
      render: (value: string, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {retentionLabels[value] ?? value}
          {row.expiresOn && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              至 {row.expiresOn}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: '保管人', dataIndex: 'custodianName', responsive: ['lg'] },
    { title: '存放位置', key: 'location', responsive: ['xxl'], render: (_value, row) => location(row) },
    { title: '状态', dataIndex: 'status', render: (status: string) => <StatusTag status={status} /> },
    // The column is there when the page holds an item of the signed-in custodian's.
    ...(canWrite && rows.some((row) => row.custodianId === me?.id)
      ? [
          {
            title: '操作',
            key: 'actions',
            // Lending and taking back are the item's custodian's acts (鄂州 第三十九条); others, administrators
            // included, would only be refused.
            render: (_value: unknown, row: ItemRow) =>
              row.custodianId !== me?.id ? null : row.status === 'shelved' ? (
                <Button size="small" onClick={() => setLending(row)}>
                  借出
                </Button>
              ) : row.status === 'onLoan' ? (
                <Popconfirm
                  title={`登记 ${row.referenceCode} 已归还？`}
                  okText="归还"
                  onConfirm={() => giveBack.mutateAsync({ id: row.id })}
                >
                  <Button size="small">归还</Button>
                </Popconfirm>
              ) : null,
          },
        ]
      : []),
  ];

  // Nothing until the first answer: someone the catalogue is not for would otherwise see an empty
  // catalogue before the refusal.
  if (list.isPending) return <Skeleton active />;
  // Someone the catalogue is not for sees why, not filters, an export and 归档 that would be refused.
  if (list.isError && errorCode(list.error) === 'FORBIDDEN') {
    return <Alert type="warning" showIcon title={errorMessage(list.error)} />;
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Input.Search
          allowClear
          placeholder="题名、档号、文号或责任者"
          aria-label="搜索档案"
          style={{ width: 280 }}
          onSearch={(value) => set({ text: value.trim() || undefined })}
        />
        <FilterSelect
          label="载体"
          width={130}
          labels={catalogueFilterLabels.medium}
          onChange={(medium) => set({ medium })}
        />
        <FilterSelect
          label="内容类别"
          width={220}
          labels={catalogueFilterLabels.group}
          onChange={(group) => set({ group })}
        />
        <FilterSelect
          label="状态"
          width={110}
          labels={catalogueFilterLabels.status}
          onChange={(status) => set({ status })}
        />
        <FilterSelect
          label="保管期限"
          width={130}
          labels={catalogueFilterLabels.retention}
          onChange={(retention) => set({ retention })}
        />
        <Checkbox
          checked={filters.expired === true}
          onChange={(event) => set({ expired: event.target.checked ? true : undefined })}
        >
          已到保管期限
        </Checkbox>
        <ExportButton load={() => trpcClient.spreadsheets.exportArchives.query(input)}>导出目录</ExportButton>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            归档
          </Button>
        )}
      </Space>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      {filters.expired && (
        <Alert
          type="info"
          showIcon
          title="以下档案保管期限已满、尚未销毁或移交：打开档案进行鉴定，经批准后由保管人销毁。"
        />
      )}
      <Table<ItemRow>
        rowKey="id"
        size="middle"
        data-testid="catalogue"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => `共 ${total} 件`,
          onChange: (page, pageSize) => setFilters((current) => ({ ...current, page, pageSize })),
        }}
      />
      <WhenOpened open={creating}>
        <NewItemModal
          community={community}
          fonds={list.data?.items[0]?.referenceCode.split('-')[0]}
          people={people}
          open={creating}
          onClose={() => setCreating(false)}
        />
      </WhenOpened>
      <WhenOpened open={lending !== null}>
        <LendModal community={community} item={lending} people={people} onClose={() => setLending(null)} />
      </WhenOpened>
      <WhenOpened open={viewing !== null}>
        <ItemDrawer id={viewing} community={community} people={people} onClose={() => setViewing(null)} />
      </WhenOpened>
    </Space>
  );
}

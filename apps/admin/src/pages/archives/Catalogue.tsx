/** 档案目录: the community's items by reference code, searchable and filtered, with lending from the row. */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { isAdminRole } from '@shequ/domain/roles';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
  Upload,
  type UploadProps,
} from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../components/ExportButton.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import {
  errorCode,
  queryClient,
  type RouterInputs,
  type RouterOutputs,
  trpc,
  trpcClient,
} from '../../lib/trpc.js';
import { AppraisalModal, DestroyModal, LendModal, NewItemModal } from './ArchiveForms.js';
import { downloadUrl, UploadError, uploadAttachment } from './attachments.js';
import {
  archiveStatusLabels,
  classificationLabels,
  contentGroupLabel,
  contentGroupLabels,
  mediumLabels,
  optionsOf,
  retentionLabels,
} from './labels.js';
import { chinaToday, DueDate, formatTime, type Person, useCanWrite, usePeople } from './shared.js';
import { ReferenceCode, StatusTag } from './tags.js';

type ItemRow = RouterOutputs['archives']['list']['items'][number];
type ListInput = RouterInputs['archives']['list'];

function location(row: Pick<ItemRow, 'locationRoom' | 'locationCabinet' | 'locationShelf'>): string {
  return [row.locationRoom, row.locationCabinet, row.locationShelf].filter(Boolean).join(' / ') || '—';
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Adds a scan, photo, audio or video file to the item: the raw file goes to the upload route with the
 * session cookie. The attachment table below is the list: antd's own upload list would repeat it, and
 * would keep a refused file as a red entry; progress shows on the button, a refusal as a message.
 */
function AttachmentUpload({ itemId }: { itemId: string }) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<Record<string, number>>({});
  const uploading = Object.values(progress);
  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const name = (file as File).name;
    const key = `${name}-${Date.now()}-${Math.random()}`;
    const settle = () => setProgress(({ [key]: _done, ...rest }) => rest);
    setProgress((current) => ({ ...current, [key]: 0 }));
    uploadAttachment(itemId, file as File, (percent) => {
      setProgress((current) => (key in current ? { ...current, [key]: percent } : current));
      onProgress?.({ percent });
    }).then(
      (answer) => {
        settle();
        onSuccess?.(answer);
        message.success(`已归档附件：${(file as File).name}`);
        void queryClient.invalidateQueries({ queryKey: trpc.archives.get.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.custody.pathKey() });
      },
      (error: unknown) => {
        settle();
        onError?.(error as Error);
        message.error(error instanceof Error ? error.message : String(error));
        // The session ended: the console returns to the login page.
        if (error instanceof UploadError && error.status === 401) {
          void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
        }
      },
    );
  };
  return (
    <Upload multiple customRequest={customRequest} showUploadList={false}>
      <Button icon={<UploadOutlined />} loading={uploading.length > 0}>
        {uploading.length > 0
          ? `正在上传 ${Math.round(uploading.reduce((sum, p) => sum + p, 0) / uploading.length)}%`
          : '上传附件（扫描件、照片、音视频）'}
      </Button>
    </Upload>
  );
}

function ItemDrawer({
  id,
  community,
  people,
  onClose,
}: {
  id: string | null;
  community: string;
  people: Person[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [appraising, setAppraising] = useState(false);
  const [destroying, setDestroying] = useState(false);
  const canWrite = useCanWrite();
  const detail = useQuery({ ...trpc.archives.get.queryOptions({ id: id ?? '' }), enabled: id !== null });
  const fixity = useMutation(
    trpc.archives.fixityCheck.mutationOptions({
      onSuccess: (result) => {
        const ok = (result as { ok?: boolean } | undefined)?.ok;
        if (ok === false) message.error('完整性校验未通过：文件内容与归档时的 SHA-256 不一致');
        else message.success('完整性校验通过：文件与归档时一致');
        void queryClient.invalidateQueries({ queryKey: trpc.archives.get.queryKey() });
      },
      onError: (error) => message.error(errorMessage(error)),
    }),
  );
  const item = detail.data;
  const me = useQuery(trpc.auth.me.queryOptions()).data;
  // The API decides (custodians of the community and administrators); the console offers it to the
  // item's own custodian and to administrators.
  const mayKeep =
    canWrite &&
    !!me &&
    !!item &&
    item.status !== 'destroyed' &&
    (isAdminRole(me.role) || item.custodianId === me.id);
  // 鉴定 once the retention has run out (the API: administrators or the custodian); 销毁 under the
  // decision, by the custodian alone (鄂州 第三十九条: the keeper acts on their own items).
  const expired = !!item?.expiresOn && item.expiresOn <= chinaToday();
  const mayAppraise = mayKeep && expired && item?.status === 'shelved' && !item.destruction;
  const mayDestroy =
    mayKeep &&
    item?.custodianId === me?.id &&
    item?.status === 'shelved' &&
    item?.destruction?.state === 'appraised';
  return (
    <Drawer open={id !== null} onClose={onClose} size={720} title={item?.title ?? '档案'}>
      {detail.isError && <Alert type="error" showIcon title={errorMessage(detail.error)} />}
      {item?.referenceCode && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="档号" span={2}>
              <ReferenceCode code={item.referenceCode} />
            </Descriptions.Item>
            <Descriptions.Item label="题名" span={2}>
              {item.title}
            </Descriptions.Item>
            <Descriptions.Item label="责任者">{item.issuer}</Descriptions.Item>
            <Descriptions.Item label="文号">{item.documentNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="日期">{item.date}</Descriptions.Item>
            <Descriptions.Item label="页数">{item.pages ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="密级">
              {item.classification ? (classificationLabels[item.classification] ?? item.classification) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="载体">
              {mediumLabels[item.medium ?? ''] ?? item.medium}
            </Descriptions.Item>
            <Descriptions.Item label="内容类别" span={2}>
              {contentGroupLabel(item.contentGroup ?? '')}
            </Descriptions.Item>
            <Descriptions.Item label="保管期限">
              {retentionLabels[item.retention ?? ''] ?? item.retention}
            </Descriptions.Item>
            <Descriptions.Item label="到期日">{item.expiresOn ?? '永久保存'}</Descriptions.Item>
            <Descriptions.Item label="保管人">{item.custodianName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="存放位置">
              {location({
                locationRoom: item.locationRoom ?? null,
                locationCabinet: item.locationCabinet ?? null,
                locationShelf: item.locationShelf ?? null,
              })}
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              <StatusTag status={item.status ?? ''} />
            </Descriptions.Item>
            <Descriptions.Item label="备注">{item.notes ?? '—'}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>借阅记录</Typography.Title>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={item.loans}
              locale={{ emptyText: '没有借阅记录' }}
              columns={[
                { title: '借阅人', dataIndex: 'borrower' },
                { title: '事由', dataIndex: 'purpose', render: (value: string | null) => value ?? '—' },
                { title: '借出', dataIndex: 'lentOn' },
                {
                  title: '应还',
                  dataIndex: 'dueOn',
                  render: (dueOn: string, loan) => <DueDate dueOn={dueOn} done={loan.returnedOn !== null} />,
                },
                {
                  title: '归还',
                  dataIndex: 'returnedOn',
                  render: (value: string | null) => value ?? <Tag color="blue">未还</Tag>,
                },
              ]}
            />
          </div>
          <div>
            <div
              style={{
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'space-between',
                gap: 16,
                marginBottom: 8,
              }}
            >
              <Typography.Title level={5} style={{ margin: 0 }}>
                附件
              </Typography.Title>
              {mayKeep && id && <AttachmentUpload key={id} itemId={id} />}
            </div>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={item.attachments}
              locale={{ emptyText: '没有附件' }}
              columns={[
                {
                  title: '文件',
                  dataIndex: 'fileName',
                  render: (name: string, file) => (
                    <a href={downloadUrl(file.id)} download={name} title="下载">
                      <DownloadOutlined /> {name}
                    </a>
                  ),
                },
                { title: '大小', dataIndex: 'size', render: (size: number) => fileSize(size) },
                {
                  title: 'SHA-256',
                  dataIndex: 'sha256',
                  render: (hash: string) => <Typography.Text code>{hash.slice(0, 16)}…</Typography.Text>,
                },
                {
                  title: '上次校验',
                  key: 'check',
                  render: (_value, file) =>
                    file.lastCheckedAt === null ? (
                      '未校验'
                    ) : (
                      <Space size={4}>
                        <Tag color={file.lastCheckOk ? 'green' : 'red'}>
                          {file.lastCheckOk ? '一致' : '不一致'}
                        </Tag>
                        {formatTime(file.lastCheckedAt)}
                      </Space>
                    ),
                },
                ...(canWrite
                  ? [
                      {
                        title: '操作',
                        key: 'actions',
                        render: (_value: unknown, file: { id: string }) => (
                          <Button
                            size="small"
                            loading={fixity.isPending && fixity.variables?.attachmentId === file.id}
                            onClick={() => fixity.mutate({ attachmentId: file.id })}
                          >
                            完整性校验
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </div>
          {item.destruction && (
            <Alert
              type="warning"
              showIcon
              title={`鉴定销毁：${item.destruction.decisionNumber}（${item.destruction.decidedOn}）`}
              description={`${item.destruction.opinion}${item.destruction.destroyedOn ? `；已于 ${item.destruction.destroyedOn} 销毁（${item.destruction.method ?? ''}）` : '；待保管人销毁'}`}
              action={
                mayDestroy ? (
                  <Button danger size="small" onClick={() => setDestroying(true)}>
                    销毁
                  </Button>
                ) : undefined
              }
            />
          )}
          {mayAppraise && (
            <Alert
              type="info"
              showIcon
              title={`保管期限已于 ${item.expiresOn} 届满，请鉴定`}
              description="经鉴定无保存价值的，登记鉴定结论（须经保管人以外的人批准）后由保管人销毁；仍有保存价值的，延长保管期限。"
              action={
                <Button size="small" onClick={() => setAppraising(true)}>
                  鉴定
                </Button>
              }
            />
          )}
          <AppraisalModal
            community={community}
            people={people}
            item={
              appraising && item.id && item.expiresOn && item.custodianId && item.retention
                ? {
                    id: item.id,
                    referenceCode: item.referenceCode,
                    title: item.title ?? '',
                    retention: item.retention,
                    expiresOn: item.expiresOn,
                    custodianId: item.custodianId,
                  }
                : null
            }
            onClose={() => setAppraising(false)}
          />
          <DestroyModal
            item={
              destroying && item.id && item.destruction
                ? {
                    id: item.id,
                    referenceCode: item.referenceCode,
                    title: item.title ?? '',
                    decidedOn: item.destruction.decidedOn,
                    decisionNumber: item.destruction.decisionNumber,
                  }
                : null
            }
            onClose={() => setDestroying(false)}
          />
        </Space>
      )}
    </Drawer>
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
      render: (title: string, row) => (
        <Typography.Link
          onClick={() => setViewing(row.id)}
          title={title}
          style={{
            display: '-webkit-box',
            WebkitLineClamp: 3,
            WebkitBoxOrient: 'vertical',
            overflow: 'hidden',
            minWidth: 160,
            maxWidth: 480,
          }}
        >
          {title}
        </Typography.Link>
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
        <Select
          allowClear
          placeholder="载体"
          aria-label="载体"
          style={{ width: 130 }}
          options={optionsOf(mediumLabels)}
          onChange={(medium?: string) => set({ medium: medium as ListInput['medium'] })}
        />
        <Select
          allowClear
          placeholder="内容类别"
          aria-label="内容类别"
          style={{ width: 220 }}
          options={optionsOf(contentGroupLabels)}
          onChange={(group?: string) => set({ group })}
        />
        <Select
          allowClear
          placeholder="状态"
          aria-label="状态"
          style={{ width: 110 }}
          options={optionsOf(archiveStatusLabels)}
          onChange={(status?: string) => set({ status: status as ListInput['status'] })}
        />
        <Select
          allowClear
          placeholder="保管期限"
          aria-label="保管期限"
          style={{ width: 130 }}
          options={optionsOf(retentionLabels)}
          onChange={(retention?: string) => set({ retention: retention as ListInput['retention'] })}
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
      <NewItemModal
        community={community}
        fonds={list.data?.items[0]?.referenceCode.split('-')[0]}
        people={people}
        open={creating}
        onClose={() => setCreating(false)}
      />
      <LendModal community={community} item={lending} people={people} onClose={() => setLending(null)} />
      <ItemDrawer id={viewing} community={community} people={people} onClose={() => setViewing(null)} />
    </Space>
  );
}

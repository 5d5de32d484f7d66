/** One archive item in a drawer: its description, attachments (uploaded here) and the appraisal and destruction forms. */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { isAdminRole } from '@shequ/domain/roles';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadProps,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../lib/fieldErrors.js';
import { queryClient, trpc } from '../../lib/trpc.js';
import { AppraisalModal, DestroyModal } from './ArchiveForms.js';
import { downloadUrl, UploadError, uploadAttachment } from './attachments.js';
import { classificationLabels, contentGroupLabel, mediumLabels, retentionLabels } from './labels.js';
import { chinaToday, DueDate, formatTime, location, type Person, useCanWrite } from './shared.js';
import { ReferenceCode, StatusTag } from './tags.js';

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

export default function ItemDrawer({
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

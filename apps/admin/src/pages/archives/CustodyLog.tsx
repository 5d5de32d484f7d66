/**
 * 留痕日志: the community's append-only log of archive and seal events, checked on every open against
 * the checkpoints its street witnessed (`CustodyLogStatus`), and verification of it against a
 * checkpoint someone kept (pasted or uploaded as JSON). The verdict is ✓ or the first
 * problem, in Chinese, as the verifier found it.
 */
import { DownloadOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { isAdminRole } from '@shequ/domain/roles';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../components/ExportButton.js';
import { FileButton } from '../../components/FileButton.js';
import { Result } from '../../components/OnDemand.js';
import { downloadJson } from '../../lib/download.js';
import { errorMessage, fieldErrorsOf } from '../../lib/fieldErrors.js';
import { errorCode, queryClient, type RouterOutputs, trpc, trpcClient } from '../../lib/trpc.js';
import { CustodyLogStatus } from './CustodyLogStatus.js';
import { formatTime } from './shared.js';

type Entry = RouterOutputs['custody']['entries']['entries'][number];
type CheckpointRow = RouterOutputs['custody']['checkpoints'][number];
type Verification = RouterOutputs['custody']['verify'];

/** A checkpoint member as the verification form names it: its meaning, then its name in the file. */
const checkpointFields: Record<string, string> = {
  format: '格式',
  community: '社区',
  size: '条数',
  root: '默克尔根',
  at: '签发时间',
  publicKey: '公钥',
  signature: '签名',
};
function checkpointFieldLabel(member: string): string {
  if (!member) return '检查点';
  const label = checkpointFields[member];
  return label ? `${label}（${member}）` : member;
}

/** The exported form of a stored checkpoint: what `shequ log verify` and this page read. */
function exported(row: CheckpointRow) {
  return {
    format: 'shequ.custody-checkpoint/v1',
    community: row.communityCode,
    size: row.size,
    root: row.root,
    at: row.at,
    publicKey: row.publicKey,
    signature: row.signature,
  };
}

/** Reads pasted text as JSON; the reason it is not, in Chinese. */
function parseCheckpoint(text: string): { value: unknown } | { problem: string } {
  if (!text.trim()) return { problem: '请粘贴或上传检查点 JSON' };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: `不是有效的 JSON：${error instanceof Error ? error.message : String(error)}` };
  }
}

function Verdict({ result }: { result: Verification }) {
  if (result.ok) {
    return (
      <Result
        status="success"
        data-testid="verify-ok"
        title={`✓ 日志完整：前 ${result.size} 条与检查点一致`}
        subTitle={`检查点时间 ${formatTime(result.at)}；数据库中共 ${result.entries} 条，其后 ${result.entries - result.size} 条已核对链接。${
          result.trustedKey ? '检查点由本系统的密钥签名。' : ''
        }`}
        extra={
          !result.trustedKey && (
            <Alert
              type="warning"
              showIcon
              title="签名有效，但签名公钥不是本系统的公钥：请确认这份检查点的来源"
            />
          )
        }
      />
    );
  }
  return (
    <Result
      status="error"
      data-testid="verify-problem"
      title="✗ 核验未通过"
      subTitle={
        <span>
          {result.problem.message}
          {result.problem.seq !== null && (
            <Typography.Text type="secondary">（第一处问题在第 {result.problem.seq} 条）</Typography.Text>
          )}
        </span>
      }
    />
  );
}

export function CustodyLog({ community, canWrite }: { community: string; canWrite: boolean }) {
  const { message } = App.useApp();
  // Only administrators sign checkpoints (the API's rule): nobody else is offered the button.
  const me = useQuery(trpc.auth.me.queryOptions()).data;
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const entries = useQuery(
    trpc.custody.entries.queryOptions({ community, afterSeq: (page - 1) * pageSize, limit: pageSize }),
  );
  const checkpoints = useQuery(trpc.custody.checkpoints.queryOptions({ community }));
  const [text, setText] = useState('');
  const [inputProblem, setInputProblem] = useState<string | null>(null);
  const verify = useMutation(trpc.custody.verify.mutationOptions());
  const issue = useMutation(
    trpc.custody.checkpoint.mutationOptions({
      onSuccess: (checkpoint) => {
        setText(JSON.stringify(checkpoint, null, 2));
        verify.reset();
        void queryClient.invalidateQueries({ queryKey: trpc.custody.checkpoints.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.custody.status.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.custody.witnessedCheckpoint.queryKey() });
        message.success(`已签发检查点：${checkpoint.size} 条`);
      },
      onError: (error) => message.error(errorMessage(error)),
    }),
  );

  const runVerify = (source: string) => {
    const parsed = parseCheckpoint(source);
    if ('problem' in parsed) {
      setInputProblem(parsed.problem);
      verify.reset();
      return;
    }
    setInputProblem(null);
    verify.mutate({ community, checkpoint: parsed.value });
  };
  const fieldProblems = verify.isError ? fieldErrorsOf(verify.error) : null;
  const latest = checkpoints.data?.[0];

  // Someone the log is not for sees why, not a verification form and an export that would be refused.
  if (entries.isError && errorCode(entries.error) === 'FORBIDDEN') {
    return <Alert type="warning" showIcon title={errorMessage(entries.error)} />;
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <CustodyLogStatus community={community} />
      <Card
        size="small"
        title={
          <Space>
            <SafetyCertificateOutlined />
            核验日志
          </Space>
        }
        extra={
          <Space>
            {latest && (
              <Button
                icon={<DownloadOutlined />}
                onClick={() => downloadJson(`${community}-checkpoint-${latest.size}.json`, exported(latest))}
              >
                下载最新检查点
              </Button>
            )}
            {canWrite && !!me && isAdminRole(me.role) && (
              <Button loading={issue.isPending} onClick={() => issue.mutate({ community })}>
                签发检查点
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          检查点（条数、默克尔根、时间，带 Ed25519
          签名）可由街道或纪委下载保存。日后将其粘贴或上传到这里，即可核验此后日志有无被改动、删除或调换顺序。
          {latest &&
            ` 最新检查点：${latest.size} 条，${formatTime(latest.at)}，由 ${latest.createdByName ?? latest.createdBy} 签发。`}
        </Typography.Paragraph>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            aria-label="检查点 JSON"
            data-testid="checkpoint-json"
            rows={6}
            placeholder='{"format":"shequ.custody-checkpoint/v1","size":…,"root":"…","signature":"…"}'
            value={text}
            onChange={(event) => setText(event.target.value)}
            style={{ fontFamily: 'monospace', fontSize: 12 }}
          />
          <Space wrap>
            <Button type="primary" loading={verify.isPending} onClick={() => runVerify(text)}>
              开始核验
            </Button>
            {latest && (
              <Button
                onClick={() => {
                  const json = JSON.stringify(exported(latest), null, 2);
                  setText(json);
                  runVerify(json);
                }}
              >
                用最新检查点核验
              </Button>
            )}
            <FileButton
              accept=".json,application/json"
              icon={<UploadOutlined />}
              onFile={async (file) => {
                const content = await file.text();
                setText(content);
                runVerify(content);
              }}
            >
              上传检查点文件
            </FileButton>
          </Space>
          {inputProblem && <Alert type="error" showIcon title={inputProblem} />}
          {verify.isError && (
            <Alert
              type="error"
              showIcon
              title={errorMessage(verify.error)}
              description={
                fieldProblems &&
                Object.entries(fieldProblems).map(([field, messages]) => (
                  <div key={field}>
                    {checkpointFieldLabel(field.replace(/^checkpoint\.?/, ''))}：{messages.join('；')}
                  </div>
                ))
              }
            />
          )}
          {verify.data && <Verdict result={verify.data} />}
        </Space>
      </Card>
      <Card
        size="small"
        title={`日志条目（共 ${entries.data?.size ?? '…'} 条）`}
        extra={
          // The readable copy for filing; the checkpoint above stays the form to verify against.
          <ExportButton load={() => trpcClient.spreadsheets.exportCustodyLog.query({ community })} />
        }
      >
        {entries.isError && <Alert type="error" showIcon title={errorMessage(entries.error)} />}
        <Table<Entry>
          rowKey="seq"
          size="small"
          data-testid="custody-entries"
          loading={entries.isFetching}
          dataSource={entries.data?.entries ?? []}
          pagination={{
            current: page,
            pageSize,
            total: entries.data?.size ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 70 },
            { title: '时间', dataIndex: 'at', width: 150, render: (value: string) => formatTime(value) },
            {
              title: '操作人',
              dataIndex: 'actorName',
              render: (name: string, entry) => <span title={`账号 ${entry.actor}`}>{name}</span>,
            },
            { title: '事项', dataIndex: 'actionLabel' },
            {
              title: '内容',
              dataIndex: 'details',
              responsive: ['xl'],
              render: (details: string) => (
                <Typography.Text
                  type="secondary"
                  ellipsis={{ tooltip: details }}
                  style={{ maxWidth: 420, fontSize: 12 }}
                >
                  {details}
                </Typography.Text>
              ),
            },
            {
              title: '哈希',
              dataIndex: 'hash',
              width: 170,
              render: (hash: string) => (
                <Typography.Text code copyable={{ text: hash }} title={hash} style={{ whiteSpace: 'nowrap' }}>
                  {hash.slice(0, 12)}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/**
 * The line at the top of the log page: the stored log checked, on every open, against the
 * checkpoints the street (街道/乡镇) co-signed — red naming the first bad `seq` when it fails, a
 * warning when a witnessed checkpoint is overdue (本系统规则 R-LOG-1) or there is none yet.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { downloadJson } from '../../lib/download.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { trpc } from '../../lib/trpc.js';
import { firstBadSeq } from './custody-problem.js';
import { formatTime } from './shared.js';

/** Where the first problem is: one seq when it can be named, else the range it lies in. */
const OVERDUE = '超过 2 日没有新的街道见证检查点（本系统规则 R-LOG-1）';

export function CustodyLogStatus({ community }: { community: string }) {
  const status = useQuery(trpc.custody.status.queryOptions({ community }));
  const witnessed = useQuery(trpc.custody.witnessedCheckpoint.queryOptions({ community }));
  if (status.isError) return <Alert type="error" showIcon title={errorMessage(status.error)} />;
  const data = status.data;
  if (!data) return <Alert type="info" showIcon title="正在用街道见证的检查点核验日志…" />;
  const download = witnessed.data && (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      onClick={() =>
        witnessed.data &&
        downloadJson(`${community}-witnessed-checkpoint-${witnessed.data.size}.json`, witnessed.data)
      }
    >
      下载见证检查点
    </Button>
  );
  if (data.state === 'failed' && data.problem) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="log-status-failed"
        title={`✗ 日志与街道见证的检查点不符：第一处问题在 ${firstBadSeq(data.problem)}`}
        description={data.problem.message}
        action={download}
      />
    );
  }
  if (data.state === 'verified' && data.witnessed) {
    return (
      <Alert
        type={data.overdue ? 'warning' : 'success'}
        showIcon
        data-testid="log-status-verified"
        title={`✓ 日志与街道见证的检查点一致：前 ${data.witnessed.size} 条，检查点签发于 ${formatTime(data.witnessed.at)}`}
        description={
          data.overdue ? OVERDUE : `其后 ${data.size - data.witnessed.size} 条已核对链接，待下次见证。`
        }
        action={download}
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="log-status-unwitnessed"
      title="尚无街道见证的检查点：日志只能对照粘贴的检查点核验"
      description={data.overdue ? OVERDUE : '每日签发检查点时由街道见证联署。'}
    />
  );
}

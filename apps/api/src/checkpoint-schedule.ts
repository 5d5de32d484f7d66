/**
 * The daily checkpoint run in the server process (本系统规则 R-LOG-1): every `intervalMs` (a day by
 * default, `SHEQU_CHECKPOINT_INTERVAL_MS` to change it) a witnessed checkpoint is issued for every
 * community whose log grew since its last checkpoint. The first run is shortly after start, so a
 * server restarted every night still issues. Runs never overlap; a failed run is logged and the
 * next one tries again. The timer does not keep the process alive.
 */
import { type Database, issueDueCheckpoints, loadSigningKey } from '@shequ/db';
import { type RepeatingJobOptions, type RepeatingRun, startRepeatingRun } from './repeating-run.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

export type CheckpointSchedule = RepeatingRun<{ issued: number; refused: string[] }>;

export function startCheckpointSchedule(db: Database, options: RepeatingJobOptions = {}): CheckpointSchedule {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.log(message));
  return startRepeatingRun(
    async () => {
      const results = await issueDueCheckpoints(db, { key: loadSigningKey(), at: now().toISOString() });
      const refused = results.filter((r) => !r.outcome.ok).map((r) => r.community);
      if (results.length > 0) {
        log(
          `检查点：为 ${results.length} 个社区签发${refused.length > 0 ? `，街道拒绝见证 ${refused.join('、')}` : '并经街道见证'}`,
        );
      }
      return { issued: results.length, refused };
    },
    { firstRunAfterMs: options.firstRunAfterMs ?? 60_000, intervalMs: options.intervalMs ?? DAY_MS },
    { failed: (reason) => log(`检查点签发失败：${reason}`) },
  );
}

/**
 * The overdue-loan sweep in the server process: every `intervalMs` (an hour by default) each loan
 * that has become overdue gets one notice to the custodian of the item (`noticeOverdueLoans`; a loan
 * already noticed is never noticed again). The first run is shortly after start; runs never overlap;
 * a failed run is logged and the next one tries again. The timer does not keep the process alive.
 */
import { type Database, noticeOverdueLoans } from '@shequ/db';
import { type RepeatingJobOptions, type RepeatingRun, startRepeatingRun } from './repeating-run.js';

/** `runOnce` resolves with the number of loans noticed. */
export type OverdueLoanSweep = RepeatingRun<number>;

export function startOverdueLoanSweep(db: Database, options: RepeatingJobOptions = {}): OverdueLoanSweep {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.log(message));
  return startRepeatingRun(
    () => noticeOverdueLoans(db, now()),
    { firstRunAfterMs: options.firstRunAfterMs ?? 60_000, intervalMs: options.intervalMs ?? 3_600_000 },
    {
      done: (n) => {
        if (n > 0) log(`借阅逾期：已提醒 ${n} 笔借阅的保管人`);
      },
      failed: (reason) => log(`借阅逾期提醒失败：${reason}`),
    },
  );
}

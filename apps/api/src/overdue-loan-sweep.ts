/**
 * The overdue-loan sweep in the server process: every `intervalMs` (an hour by default) each loan
 * that has become overdue gets one notice to the custodian of the item (`noticeOverdueLoans`; a loan
 * already noticed is never noticed again). The first run is shortly after start; runs never overlap;
 * a failed run is logged and the next one tries again. The timer does not keep the process alive.
 */
import { type Database, noticeOverdueLoans } from '@shequ/db';

export interface OverdueLoanSweep {
  /** One run now (what the timer does), resolved with the number of loans noticed. */
  runOnce(): Promise<number>;
  stop(): void;
}

export function startOverdueLoanSweep(
  db: Database,
  options: {
    intervalMs?: number;
    firstRunAfterMs?: number;
    now?: () => Date;
    log?: (message: string) => void;
  } = {},
): OverdueLoanSweep {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.log(message));
  let running: Promise<number> | undefined;
  const runOnce = () => {
    running ??= noticeOverdueLoans(db, now()).finally(() => {
      running = undefined;
    });
    return running;
  };
  const safeRun = () => {
    runOnce()
      .then((n) => {
        if (n > 0) log(`借阅逾期：已提醒 ${n} 笔借阅的保管人`);
      })
      .catch((error: unknown) =>
        log(`借阅逾期提醒失败：${error instanceof Error ? error.message : String(error)}`),
      );
  };
  const first = setTimeout(safeRun, options.firstRunAfterMs ?? 60_000);
  const timer = setInterval(safeRun, options.intervalMs ?? 3_600_000);
  first.unref();
  timer.unref();
  return {
    runOnce,
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}

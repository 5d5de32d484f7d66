/**
 * A job the server process repeats on a timer: the first run shortly after start, then one every
 * interval. Runs never overlap (a call during a run joins it); a failed timed run is reported and the
 * next one tries again. The timers do not keep the process alive.
 */

/** How a caller may time a repeating job and hear from it; each job has its own defaults. */
export interface RepeatingJobOptions {
  intervalMs?: number;
  firstRunAfterMs?: number;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface RepeatingRun<T> {
  /** One run now (what the timer does), or the one under way. */
  runOnce(): Promise<T>;
  stop(): void;
}

export function startRepeatingRun<T>(
  work: () => Promise<T>,
  timing: { firstRunAfterMs: number; intervalMs: number },
  timedRun: {
    /** Told the result of each run the timer started. */
    done?: (result: T) => void;
    /** Told why a run the timer started failed. */
    failed: (reason: string) => void;
  },
): RepeatingRun<T> {
  let running: Promise<T> | undefined;
  const runOnce = () => {
    running ??= work().finally(() => {
      running = undefined;
    });
    return running;
  };
  const safeRun = () => {
    runOnce()
      .then((result) => timedRun.done?.(result))
      .catch((error: unknown) => timedRun.failed(error instanceof Error ? error.message : String(error)));
  };
  const first = setTimeout(safeRun, timing.firstRunAfterMs);
  const timer = setInterval(safeRun, timing.intervalMs);
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

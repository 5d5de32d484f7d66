/**
 * Starting a worker thread on a module that may be TypeScript source. Run from source (the process
 * started with `--import tsx`), a worker must load TypeScript too, and on Node 20 the loader hooks of
 * the main thread do not reach worker threads: the worker registers tsx itself before importing its
 * module. Built JavaScript starts as is.
 */
import { Worker } from 'node:worker_threads';

export interface ModuleWorkerOptions {
  workerData: unknown;
  /**
   * The caller's `import.meta.resolve`: tsx is found from the package that runs from source (and
   * depends on it), not from this one.
   */
  resolve: (specifier: string) => string;
}

/** A worker thread running `moduleUrl` (a `.ts` module through tsx) with `workerData`. */
export function startModuleWorker(moduleUrl: URL, { workerData, resolve }: ModuleWorkerOptions): Worker {
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, { workerData });
  const bootstrap =
    `import(${JSON.stringify(resolve('tsx/esm/api'))})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

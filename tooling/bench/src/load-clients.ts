/**
 * The load generator of `pnpm bench load`, run in a worker thread so that the clients do not share
 * the server's event loop: `connections` clients, each sending one request after another for
 * `durationMs`, choosing each request by weight. Reports every latency by kind and the statuses.
 */
import { parentPort, workerData } from 'node:worker_threads';

export interface LoadRequest {
  kind: string;
  weight: number;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadJob {
  requests: LoadRequest[];
  connections: number;
  durationMs: number;
}

export interface LoadOutcome {
  /** Milliseconds of each response, by request kind. */
  latencies: Record<string, number[]>;
  /** Responses by HTTP status; 0 counts requests that got no response. */
  statuses: Record<string, number>;
  /** The first few bodies of 5xx responses, for the report. */
  serverErrors: string[];
  elapsedMs: number;
}

async function run(job: LoadJob): Promise<LoadOutcome> {
  const total = job.requests.reduce((sum, r) => sum + r.weight, 0);
  const pick = (): LoadRequest => {
    let ticket = Math.random() * total;
    for (const request of job.requests) {
      ticket -= request.weight;
      if (ticket < 0) return request;
    }
    return job.requests[job.requests.length - 1] as LoadRequest;
  };
  const latencies: Record<string, number[]> = Object.fromEntries(job.requests.map((r) => [r.kind, []]));
  const statuses: Record<string, number> = {};
  const serverErrors: string[] = [];
  const started = performance.now();
  const deadline = started + job.durationMs;

  const client = async () => {
    while (performance.now() < deadline) {
      const request = pick();
      const sent = performance.now();
      let status = 0;
      try {
        const response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
        });
        const text = await response.text();
        status = response.status;
        if (status >= 500 && serverErrors.length < 5)
          serverErrors.push(`${request.kind} ${status}: ${text.slice(0, 300)}`);
      } catch (error) {
        if (serverErrors.length < 5) serverErrors.push(`${request.kind}: ${String(error)}`);
      }
      latencies[request.kind]?.push(performance.now() - sent);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: job.connections }, client));
  return { latencies, statuses, serverErrors, elapsedMs: performance.now() - started };
}

if (parentPort) {
  const port = parentPort;
  run(workerData as LoadJob).then(
    (outcome) => port.postMessage(outcome),
    (error: unknown) => port.postMessage({ error: String(error) }),
  );
}

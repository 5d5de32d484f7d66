/**
 * The load generator of `pnpm bench load`, run in a worker thread so that the clients do not share
 * the server's event loop: `connections` clients, each sending one request after another for
 * `durationMs`, choosing each request by weight. Reports every latency by kind and the statuses.
 *
 * The clients use Node's own HTTP client with kept-alive connections and leave answers compressed, not
 * `fetch`: on this machine the clients share the server's cores. Against a server sending a fixed 20-row
 * Brotli answer, 20 `fetch` clients cost about 700 µs of the process's CPU per request and reached about
 * 2,000 requests a second; these clients cost 100–140 µs and reached 10,000–15,000. With `fetch`, that CPU
 * was taken from the server under test, more than a whole catalogue page costs it (about 380 µs).
 */
import { Agent, request as httpRequest } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

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

/** Sends one request over the keep-alive agent; resolves with its status and its body as received. */
function send(
  agent: Agent,
  request: LoadRequest,
): Promise<{ status: number; encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      request.url,
      {
        agent,
        method: request.method,
        // As a browser asks: answers come compressed, and they are not decoded here (a browser decodes on
        // its own machine; this client shares the server's).
        headers: { 'accept-encoding': 'br, gzip', ...request.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            encoding: response.headers['content-encoding'],
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/** A body as text, decoded for the report (only 5xx bodies are read: the clients never decode the rest). */
function decoded(response: { encoding: string | undefined; body: Buffer }): string {
  if (response.encoding === 'br') return brotliDecompressSync(response.body).toString('utf8');
  if (response.encoding === 'gzip') return gunzipSync(response.body).toString('utf8');
  return response.body.toString('utf8');
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
  // One kept-alive connection per client, as each client of a browser keeps its own.
  const agent = new Agent({ keepAlive: true, maxSockets: job.connections });
  const started = performance.now();
  const deadline = started + job.durationMs;

  const client = async () => {
    while (performance.now() < deadline) {
      const request = pick();
      const sent = performance.now();
      let status = 0;
      try {
        const response = await send(agent, request);
        status = response.status;
        if (status >= 500 && serverErrors.length < 5)
          serverErrors.push(`${request.kind} ${status}: ${decoded(response).slice(0, 300)}`);
      } catch (error) {
        if (serverErrors.length < 5) serverErrors.push(`${request.kind}: ${String(error)}`);
      }
      latencies[request.kind]?.push(performance.now() - sent);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: job.connections }, client));
  agent.destroy();
  return { latencies, statuses, serverErrors, elapsedMs: performance.now() - started };
}

if (parentPort) {
  const port = parentPort;
  run(workerData as LoadJob).then(
    (outcome) => port.postMessage(outcome),
    (error: unknown) => port.postMessage({ error: String(error) }),
  );
}

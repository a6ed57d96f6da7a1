/**
 * Runs one autocannon load on a worker thread of its own, so the load generator does not share
 * the server's event loop (as the autocannon CLI in another process would not).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';

export interface ThreadLoad {
  readonly url: string;
  readonly connections: number;
  readonly duration: number;
  /** Requests sent in turn, each once while they last, then again from the first. */
  readonly requests?: readonly {
    method: string;
    path: string;
    headers: Record<string, string>;
    body: string;
  }[];
}

export type LoadResult = Awaited<ReturnType<typeof autocannon>>;

// Plain JavaScript: a worker thread does not inherit tsx's loader. Off the main thread autocannon
// answers with encoded histograms, which the main thread aggregates.
const LOAD_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannonPath);
const { load } = workerData;
let next = 0;
const prepared = load.requests ?? [];
autocannon({
  url: load.url,
  connections: load.connections,
  duration: load.duration,
  ...(prepared.length > 0
    ? { requests: [{ setupRequest: () => prepared[next++ % prepared.length] }] }
    : {}),
}).then((raw) => parentPort.postMessage(raw));
`;

export function runOnThread(load: ThreadLoad): Promise<LoadResult> {
  const autocannonPath = createRequire(import.meta.url).resolve('autocannon');
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_THREAD, { eval: true, workerData: { load, autocannonPath } });
    worker.once('message', (raw: { duration: number }) => {
      const result = autocannon.aggregateResult([raw], { url: load.url });
      // Its per-second request histogram is not carried over: the mean rate is total / duration.
      resolve({
        ...result,
        requests: { ...result.requests, average: result.requests.total / raw.duration },
      });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load thread exited with ${code}`));
    });
  });
}

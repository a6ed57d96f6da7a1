/**
 * An open-loop load at a fixed rate, on a worker thread of its own: request i leaves at
 * start + i / rate whether or not earlier ones were answered (so a slow answer cannot slow the
 * load down and hide itself), over up to `connections` keep-alive sockets. Latencies are timed
 * with `performance.now()` to a tenth of a millisecond, from the moment each request was due
 * (its wait for a free socket included); the generator's own lateness is reported beside them.
 * autocannon's fixed-rate mode, at millisecond resolution, adds its own timer jitter to every
 * sample (bare Fastify at 500 req/s shows p99 15 ms there).
 */
import { Worker } from 'node:worker_threads';
import type { ThreadLoad } from './autocannon-thread.js';
import { percentile } from './bench-kit.js';

export interface PacedLoad {
  readonly url: string;
  readonly rate: number;
  readonly seconds: number;
  readonly connections: number;
  readonly requests?: ThreadLoad['requests'];
  /** A request not answered this long after it was due is abandoned and counted as hung. */
  readonly timeoutMs?: number;
}

export interface PacedResult {
  readonly sent: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** How late the generator sent requests (its timer), p99 in ms. */
  readonly lateP99Ms: number;
  /** Per request, in order: its HTTP status, 0 for a failed request, -1 for one abandoned. */
  readonly statuses: readonly number[];
  /** Requests abandoned after `timeoutMs` without an answer (also counted in `errors`). */
  readonly hung: number;
}

interface RawResult {
  latencies: number[];
  late: number[];
  non2xx: number;
  errors: number;
  sent: number;
  statuses: number[];
  hung: number;
}

// Plain JavaScript: a worker thread does not inherit tsx's loader.
const PACED_THREAD = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { url, rate, seconds, connections, requests, timeoutMs } = workerData;
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const total = Math.round(rate * seconds);
const interval = 1000 / rate;
const latencies = [];
const late = [];
const statuses = new Array(total).fill(0);
let sent = 0, answered = 0, non2xx = 0, errors = 0, hung = 0;
const start = performance.now() + 50;
function finish() {
  if (++answered < total) return;
  agent.destroy();
  parentPort.postMessage({ latencies, late, non2xx, errors, sent, statuses, hung });
}
function fire(i) {
  const due = start + i * interval;
  late.push(performance.now() - due);
  const prepared = requests && requests.length > 0 ? requests[i % requests.length] : null;
  const request = http.request(
    {
      host: target.hostname,
      port: target.port,
      method: prepared ? prepared.method : 'GET',
      path: prepared ? prepared.path : target.pathname + target.search,
      headers: prepared ? prepared.headers : {},
      agent,
    },
    (res) => {
      res.resume();
      res.on('end', () => {
        if (timer) clearTimeout(timer);
        latencies.push(performance.now() - due);
        statuses[i] = res.statusCode;
        if (res.statusCode >= 300) non2xx += 1;
        finish();
      });
    },
  );
  const timer = timeoutMs
    ? setTimeout(() => {
        statuses[i] = -1;
        hung += 1;
        request.destroy(new Error('no answer in time'));
      }, Math.max(0, due + timeoutMs - performance.now()))
    : null;
  request.on('error', () => {
    if (timer) clearTimeout(timer);
    errors += 1;
    finish();
  });
  request.end(prepared ? prepared.body : undefined);
}
function tick() {
  const now = performance.now();
  while (sent < total && start + sent * interval <= now) fire(sent++);
  if (sent < total) setTimeout(tick, 1);
}
setTimeout(tick, 50);
`;

export function runPaced(load: PacedLoad): Promise<PacedResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(PACED_THREAD, { eval: true, workerData: load });
    worker.once('message', (raw: RawResult) => {
      resolve({
        sent: raw.sent,
        non2xx: raw.non2xx,
        errors: raw.errors,
        latencyMs: {
          p50: percentile(raw.latencies, 50),
          p90: percentile(raw.latencies, 90),
          p99: percentile(raw.latencies, 99),
          max: percentile(raw.latencies, 100),
        },
        lateP99Ms: percentile(raw.late, 99),
        statuses: raw.statuses,
        hung: raw.hung,
      });
    });
    worker.once('error', reject);
  });
}

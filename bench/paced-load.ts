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
}

export interface PacedResult {
  readonly sent: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** How late the generator sent requests (its timer), p99 in ms. */
  readonly lateP99Ms: number;
}

interface RawResult {
  latencies: number[];
  late: number[];
  non2xx: number;
  errors: number;
  sent: number;
}

// Plain JavaScript: a worker thread does not inherit tsx's loader.
const PACED_THREAD = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { url, rate, seconds, connections, requests } = workerData;
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const total = Math.round(rate * seconds);
const interval = 1000 / rate;
const latencies = [];
const late = [];
let sent = 0, answered = 0, non2xx = 0, errors = 0;
const start = performance.now() + 50;
function finish() {
  if (++answered < total) return;
  agent.destroy();
  parentPort.postMessage({ latencies, late, non2xx, errors, sent });
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
        latencies.push(performance.now() - due);
        if (res.statusCode >= 300) non2xx += 1;
        finish();
      });
    },
  );
  request.on('error', () => {
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
      });
    });
    worker.once('error', reject);
  });
}

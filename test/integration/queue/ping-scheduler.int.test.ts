import { UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reconcileSchedule } from '../../../src/application/scheduling/reconcile-schedule.usecase.js';
import { createBullmqPingScheduler } from '../../../src/infra/queue/bullmq-ping-scheduler.js';
import { QUEUE_NAMES } from '../../../src/infra/queue/queue-names.js';
import { createQueues, type Queues } from '../../../src/infra/queue/queues.js';
import { startScheduleWorker } from '../../../src/infra/queue/workers/schedule.worker.js';
import type { PingScheduler, ScheduledPing } from '../../../src/ports/ping-scheduler.port.js';
import { silentLogger } from '../../helpers/test-logger.js';
import { connectTestRedis, testQueuePrefix } from '../../helpers/test-redis.js';
import { waitFor } from '../../helpers/wait-for.js';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const ping = (nodeId: string, step: number, inMs: number, version = 1): ScheduledPing => ({
  id: `remind-${nodeId}-v${version}-${step}`,
  nodeId,
  deadlineVersion: version,
  at: new Date(NOW + inMs),
});

describe('BullMQ ping scheduler', () => {
  let redis: Redis;
  let queues: Queues;
  let scheduler: PingScheduler;
  let prefix: string;

  beforeEach(async () => {
    redis = await connectTestRedis();
    prefix = testQueuePrefix();
    queues = createQueues(redis, prefix);
    scheduler = createBullmqPingScheduler({ queues, redis, queuePrefix: prefix, now: () => NOW });
  });
  afterEach(async () => {
    await queues.queue(QUEUE_NAMES.schedule).obliterate({ force: true });
    await queues.close();
    redis.disconnect();
  });

  const stateOf = async (id: string) =>
    (await queues.queue(QUEUE_NAMES.schedule).getJob(id))?.getState() ?? 'missing';

  it('schedules each ping as a delayed job at its moment, and a past one at once', async () => {
    await scheduler.setNodePings('nod_a', [ping('nod_a', 0, -5_000), ping('nod_a', 1, 3_600_000)]);
    expect(await stateOf('remind-nod_a-v1-0')).toBe('waiting');
    expect(await stateOf('remind-nod_a-v1-1')).toBe('delayed');
    const job = await queues.queue(QUEUE_NAMES.schedule).getJob('remind-nod_a-v1-1');
    expect(job?.opts.delay).toBe(3_600_000);
    // The job id is the ping id: the job carries nothing else (a small Redis hash per ping).
    expect(job?.data).toEqual({ version: 2 });
  });

  it('takes over the ids a node kept in a set before, and removes the set', async () => {
    const legacy = `{${prefix}}:node-pings:nod_old`;
    await scheduler.setNodePings('nod_old', [ping('nod_old', 0, 1_000), ping('nod_old', 1, 2_000)]);
    // As versions before 2026-12 left it: the ids in a set, not in the string.
    await redis.del(`{${prefix}}:node-ping-ids:nod_old`);
    await redis.sadd(legacy, 'remind-nod_old-v1-0', 'remind-nod_old-v1-1');
    await scheduler.setNodePings('nod_old', [ping('nod_old', 0, 9_000, 2)]);
    expect([...(await scheduler.listScheduledIds())]).toEqual(['remind-nod_old-v2-0']);
    expect(await redis.exists(legacy)).toBe(0);
    await redis.sadd(legacy, 'remind-nod_old-v2-0');
    await scheduler.clearNode('nod_old');
    expect(await scheduler.listScheduledIds()).toEqual(new Set());
    expect(await redis.exists(legacy, `{${prefix}}:node-ping-ids:nod_old`)).toBe(0);
  });

  it('fires a ping named by its job id, and one scheduled before with its ids in the payload', async () => {
    const asked: string[] = [];
    const worker = startScheduleWorker({
      connection: redis,
      queuePrefix: prefix,
      jobLockMs: 10_000,
      logger: silentLogger,
      onFired: () => undefined,
      runInTransaction: () => Promise.reject(new Error('not reached')),
      orgOfNode: async (nodeId) => {
        asked.push(nodeId);
        return null;
      },
      plannedPing: () => null,
      publicUrl: 'http://127.0.0.1:3000',
      now: () => new Date(NOW),
    });
    try {
      const schedule = queues.queue(QUEUE_NAMES.schedule);
      await scheduler.setNodePings('nod_new', [ping('nod_new', 0, -1_000)]);
      await queues.add(
        'ping',
        {
          version: 1,
          pingId: 'escalate-nod_old-v3-1',
          nodeId: 'nod_old',
          deadlineVersion: 3,
          at: new Date(NOW).toISOString(),
        },
        { jobId: 'escalate-nod_old-v3-1' },
      );
      await queues.add('ping', { version: 2 }, { jobId: 'not-a-ping-id' });
      await waitFor(
        async () =>
          (await schedule.getCompletedCount()) === 2 && (await schedule.getFailedCount()) === 1,
        {
          what: 'three jobs run',
        },
      );
      expect(asked.sort()).toEqual(['nod_new', 'nod_old']);
      const [bad] = await schedule.getFailed();
      expect(bad?.failedReason).toContain('not a ping id: not-a-ping-id');
      expect(bad?.attemptsMade).toBe(1);
    } finally {
      await worker.close();
    }
  });

  it('is idempotent, and a re-plan removes exactly the stale pings of that node', async () => {
    await scheduler.setNodePings('nod_a', [ping('nod_a', 0, 1_000), ping('nod_a', 1, 2_000)]);
    await scheduler.setNodePings('nod_b', [ping('nod_b', 0, 1_000)]);
    await scheduler.setNodePings('nod_a', [ping('nod_a', 0, 1_000), ping('nod_a', 1, 2_000)]);
    expect([...(await scheduler.listScheduledIds())].sort()).toEqual([
      'remind-nod_a-v1-0',
      'remind-nod_a-v1-1',
      'remind-nod_b-v1-0',
    ]);
    await scheduler.setNodePings('nod_a', [ping('nod_a', 0, 9_000, 2)]);
    expect([...(await scheduler.listScheduledIds())].sort()).toEqual([
      'remind-nod_a-v2-0',
      'remind-nod_b-v1-0',
    ]);
  });

  it('re-plans many nodes at once, each losing exactly its own stale pings', async () => {
    await scheduler.setNodePings('nod_a', [ping('nod_a', 0, 1_000), ping('nod_a', 1, 2_000)]);
    await scheduler.setNodePings('nod_b', [ping('nod_b', 0, 1_000)]);
    await scheduler.setNodePings('nod_c', [ping('nod_c', 0, 1_000)]);
    await scheduler.setManyNodePings(
      new Map([
        ['nod_a', [ping('nod_a', 0, 5_000, 2)]],
        ['nod_b', []],
        ['nod_d', [ping('nod_d', 0, 1_000), ping('nod_d', 1, 2_000)]],
      ]),
    );
    expect([...(await scheduler.listScheduledIds())].sort()).toEqual([
      'remind-nod_a-v2-0',
      'remind-nod_c-v1-0',
      'remind-nod_d-v1-0',
      'remind-nod_d-v1-1',
    ]);
    await scheduler.clearNode('nod_d');
    expect(await stateOf('remind-nod_d-v1-1')).toBe('missing');
  });

  it('clears a node and removes orphans by id', async () => {
    await scheduler.setNodePings('nod_a', [ping('nod_a', 0, 1_000)]);
    await scheduler.setNodePings('nod_b', [ping('nod_b', 0, 1_000), ping('nod_b', 1, 2_000)]);
    await scheduler.clearNode('nod_a');
    await scheduler.remove(['remind-nod_b-v1-1']);
    expect([...(await scheduler.listScheduledIds())]).toEqual(['remind-nod_b-v1-0']);
  });

  it('reconciliation re-adds what Redis lost and drops orphans, once', async () => {
    await scheduler.setNodePings('nod_gone', [ping('nod_gone', 0, 1_000)]);
    await scheduler.setNodePings('nod_a', [ping('nod_a', 0, 1_000)]);
    await redis.del(...(await redis.keys('*nod_a*')));
    await queues.queue(QUEUE_NAMES.schedule).remove('remind-nod_a-v1-0');
    const expected = new Map([
      ['nod_a', [ping('nod_a', 0, 1_000), ping('nod_a', 1, 2_000)]],
      ['nod_b', [ping('nod_b', 0, -60_000)]],
    ]);
    async function* batches() {
      yield expected;
    }
    const first = await reconcileSchedule({ scheduler, expectedPings: batches });
    expect(first).toEqual({ nodes: 2, added: 3, removed: 1 });
    expect([...(await scheduler.listScheduledIds())].sort()).toEqual([
      'remind-nod_a-v1-0',
      'remind-nod_a-v1-1',
      'remind-nod_b-v1-0',
    ]);
    expect(await reconcileSchedule({ scheduler, expectedPings: batches })).toEqual({
      nodes: 2,
      added: 0,
      removed: 0,
    });
  });

  it('keeps a due reminder of the current plan that a fresh plan leaves out, until it fires', async () => {
    // Planned at activation; by now its moment has passed, so a fresh plan no longer lists it.
    await scheduler.setNodePings('nod_a', [ping('nod_a', 0, -1_000), ping('nod_a', 1, 60_000)]);
    async function* afterItsMoment() {
      yield new Map([['nod_a', [ping('nod_a', 1, 60_000)]]]);
    }
    expect(await reconcileSchedule({ scheduler, expectedPings: afterItsMoment })).toEqual({
      nodes: 1,
      added: 0,
      removed: 0,
    });
    await scheduler.setNodePings('nod_a', [ping('nod_a', 1, 60_000)]);
    expect(await stateOf('remind-nod_a-v1-0')).toBe('waiting');
    // A new deadline version makes it stale: then it goes.
    await scheduler.setNodePings('nod_a', [ping('nod_a', 1, 90_000, 2)]);
    expect(await stateOf('remind-nod_a-v1-0')).toBe('missing');
  });

  it('runs again a ping whose job was given up (failed) while it is still unfired', async () => {
    await scheduler.setNodePings('nod_a', [ping('nod_a', 0, -1_000)]);
    // Taken and given up, as BullMQ does with a job whose workers died once too often.
    const worker = new Worker(QUEUE_NAMES.schedule, null, {
      connection: redis,
      prefix: `{${prefix}}`,
    });
    const job = await worker.getNextJob('token');
    await job?.moveToFailed(
      new UnrecoverableError('job stalled more than allowable limit'),
      'token',
    );
    await worker.close();
    expect(await stateOf('remind-nod_a-v1-0')).toBe('failed');
    async function* stillUnfired() {
      yield new Map([['nod_a', [ping('nod_a', 0, -1_000)]]]);
    }
    expect(await reconcileSchedule({ scheduler, expectedPings: stillUnfired })).toMatchObject({
      added: 1,
    });
    expect(await stateOf('remind-nod_a-v1-0')).toBe('waiting');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firePing } from '../../../src/application/scheduling/fire-ping.usecase.js';
import { pingIdTarget } from '../../../src/domain/escalation/ping-plan.policy.js';
import { deliveries, firedPings } from '../../../src/infra/db/schema/index.js';
import { createRunInTransaction } from '../../../src/infra/db/unit-of-work.drizzle.js';
import { JOBS } from '../../../src/infra/queue/job-catalog.js';
import { createNodePlanner } from '../../../src/infra/scheduling/node-planner.js';
import type { OutboundMessage } from '../../../src/ports/chat-platform.port.js';
import { startEngine } from '../../helpers/engine.js';
import { waitFor } from '../../helpers/wait-for.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

/** A ping that fires long after its moment (nothing ran then) says so in its messages. */
describe('a ping fired late', () => {
  let engine: Engine;
  beforeEach(async () => {
    engine = await startEngine();
  });
  afterEach(() => engine.stop());

  async function firstPing() {
    await engine.say('office', 'zhengyi', '/任务 补发演示\n联系供应商 @张三 1小时内');
    const schedule = engine.queues.queue('schedule');
    const jobs = await waitFor(
      async () => {
        const delayed = await schedule.getDelayed();
        return delayed.length > 0 ? delayed : undefined;
      },
      { what: 'the pings scheduled' },
    );
    const pings = jobs.map((job) => {
      expect(JOBS.ping.payload.parse(job.data)).toEqual({ version: 2 });
      const target = pingIdTarget(job.id ?? '');
      if (!target) throw new Error(`not a ping id: ${job.id}`);
      return { pingId: job.id ?? '', nodeId: target.nodeId, at: job.timestamp + (job.delay ?? 0) };
    });
    pings.sort((a, b) => a.at - b.at);
    const [ping] = pings;
    if (!ping) throw new Error('no ping');
    return ping;
  }

  async function fireAt(ping: { pingId: string; nodeId: string }, now: Date) {
    const { db } = engine.database;
    const planner = createNodePlanner({ db, now: () => now, templateLadder: () => null });
    return firePing(
      {
        runInTransaction: createRunInTransaction(db),
        orgOfNode: (nodeId) => planner.orgOfNode(nodeId),
        plannedPing: (task, org, pingId) => planner.plannedPing(task, org, pingId),
        publicUrl: 'http://127.0.0.1:3000',
        now: () => now,
      },
      ping,
    );
  }

  /** The notes on the reminder cards written so far. */
  const reminderNotes = async () =>
    (await engine.database.db.select().from(deliveries))
      .filter((d) => d.purpose === 'reminder')
      .map((d) => d.message as OutboundMessage)
      .flatMap((m) => (m.kind === 'card' && m.card.note ? [m.card.note] : []));

  it('names the moment it was due when it fires more than a minute late, and is marked late', async () => {
    const ping = await firstPing();
    const due = new Date(ping.at);
    expect(await fireAt(ping, new Date(due.getTime() + 10 * 60_000))).toBe('fired');
    const notes = (await reminderNotes()).filter((t) => t.includes('【提醒】'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/（本应在 .+ 发出，系统恢复后补发）$/);
    const [fired] = await engine.database.db.select().from(firedPings);
    expect(fired?.late).toBe(true);
  });

  it('says nothing of it when it fires on time', async () => {
    const ping = await firstPing();
    expect(await fireAt(ping, new Date(ping.at + 2_000))).toBe('fired');
    const notes = (await reminderNotes()).filter((t) => t.includes('【提醒】'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).not.toContain('补发');
  });
});

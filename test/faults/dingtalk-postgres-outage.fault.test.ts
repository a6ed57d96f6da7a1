import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dingtalkSign } from '../../adapters/dingtalk/dingtalk-sign.js';
import { FAKE_CLIENT_SECRET, FakeDingTalk } from '../fakes/dingtalk/fake-dingtalk.js';
import { robotMessage, sayInDingTalk } from '../fakes/dingtalk/robot-frames.js';
import { freePort } from '../helpers/free-port.js';
import { type OutageDrill, startOutageDrill } from '../helpers/outage-drill.js';
import { TEST_REDIS_URL } from '../helpers/test-redis.js';
import { waitFor } from '../helpers/wait-for.js';

const ORG_FILE = 'test/fixtures/org/dingtalk.yaml';
const CHATS = ['cidOffice==', 'cidParty==', 'cidRepair=='];
const COMMANDS = 12;
/** Commands sent before PostgreSQL stops; the rest arrive while it is down. */
const BEFORE_OUTAGE = 3;

describe.each([
  ['Stream', 'stream'],
  ['HTTP', 'http'],
] as const)('PostgreSQL stopped while commands arrive over DingTalk %s', (_name, mode) => {
  let drill: OutageDrill | null = null;
  let fake: FakeDingTalk | null = null;
  let pool: pg.Pool | null = null;

  beforeEach(async () => {
    drill = await startOutageDrill('dingtalk-outage');
    fake = await FakeDingTalk.start();
  });
  afterEach(async () => {
    await pool?.end();
    await fake?.close();
    await drill?.stop();
  });

  it('acknowledges every command, loses none and runs each once when it is back', async () => {
    if (!drill || !fake) throw new Error('not set up');
    const { postgres: database, databaseUrl, dir, prefix, processes } = drill;
    const dingtalk = fake;
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const baton = processes.start('all', 'all', {
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      BATON_QUEUE_PREFIX: prefix,
      BATON_ORG_FILE: ORG_FILE,
      BATON_DATA_DIR: dir,
      BATON_ADMIN_TOKEN: 'dingtalk-outage-admin-token',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      BATON_DIRECTORY_SYNC_MINUTES: '0',
      BATON_JOB_LOCK_MS: '3000',
      ...dingtalk.env({ DINGTALK_MODE: mode }),
    });
    const explain = () => `${processes.exited().join('\n')}\n${baton.output()}`;
    await waitFor(
      async () =>
        (await fetch(`${url}/readyz`).catch(() => null))?.status === 200 &&
        (mode === 'http' || dingtalk.gateway.opens.length > 0),
      { what: 'baton ready', timeoutMs: 60_000, intervalMs: 200 },
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${explain()}`);
    });

    let clock = Date.now();
    const answers: number[] = [];
    const push = async (i: number) => {
      const message = robotMessage(dingtalk, {
        senderStaffId: '0123456797',
        conversationId: CHATS[i % CHATS.length],
        text: `/任务 巡检${i}\n检查 @张三 1小时内`,
        msgId: `outage-${i}`,
      });
      if (mode === 'stream') {
        sayInDingTalk(dingtalk, message);
        return;
      }
      const timestamp = String(++clock);
      const response = await fetch(`${url}/dingtalk/robot`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          timestamp,
          sign: dingtalkSign(timestamp, FAKE_CLIENT_SECRET),
        },
        body: JSON.stringify(message),
      });
      answers.push(response.status);
    };
    for (let i = 0; i < BEFORE_OUTAGE; i++) await push(i);
    await database.stop('fast');
    for (let i = BEFORE_OUTAGE; i < COMMANDS; i++) {
      await push(i);
      await sleep(250);
    }
    await sleep(1_000);
    await database.start();

    // DingTalk sends neither again once acknowledged: every one was taken at once.
    if (mode === 'http') expect(answers).toEqual(Array(COMMANDS).fill(200));
    pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    const titles = async () =>
      (
        await pool?.query<{ title: string; n: number }>(
          'select title, count(*)::int as n from tasks group by title order by title',
        )
      )?.rows ?? [];
    await waitFor(async () => (await titles().catch(() => [])).length === COMMANDS, {
      what: `a task for each of ${COMMANDS} commands`,
      timeoutMs: 90_000,
      intervalMs: 250,
    }).catch(async (err: Error) => {
      throw new Error(`${err.message}; tasks: ${JSON.stringify(await titles())}\n${explain()}`);
    });
    expect((await titles()).filter((r) => r.n !== 1)).toEqual([]);
    // Each command's answer in its chat, once.
    const said = () =>
      [...dingtalk.api.groupMessages, ...dingtalk.api.webhookMessages].flatMap(
        (m) =>
          JSON.stringify(m)
            .match(/#\d+ 巡检\d+/g)
            ?.slice(0, 1) ?? [],
      );
    await waitFor(() => new Set(said()).size === COMMANDS, {
      what: 'an answer to each command',
      timeoutMs: 30_000,
    }).catch((err: Error) => {
      throw new Error(`${err.message}; said: ${JSON.stringify(said())}\n${explain()}`);
    });
    expect(said()).toHaveLength(COMMANDS);
    expect(processes.exited()).toEqual([]);
  }, 180_000);
});

import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { longConnectionEnv, TEST_BOT_ID } from '../fakes/wecom/longconn-engine.js';
import {
  type FakeWecomWsServer,
  type RecordedFrame,
  startFakeWecomWsServer,
} from '../fakes/wecom/ws-server.js';
import { freePort } from '../helpers/free-port.js';
import { type OutageDrill, startOutageDrill } from '../helpers/outage-drill.js';
import { TEST_REDIS_URL } from '../helpers/test-redis.js';
import { waitFor } from '../helpers/wait-for.js';

const ORG_FILE = 'test/fixtures/org/wecom.yaml';
const CHATS = ['wrOfficeGroup', 'wrPartyGroup', 'wrRepairGroup'];
const COMMANDS = 12;
/** Commands sent before PostgreSQL stops; the rest arrive while it is down. */
const BEFORE_OUTAGE = 3;

const titleOf = (frame: RecordedFrame): string | null =>
  frame.body?.msgtype === 'template_card'
    ? (frame.body.template_card as { main_title: { title: string } }).main_title.title
    : null;

describe('PostgreSQL stopped while commands arrive over the WeCom long connection', () => {
  let drill: OutageDrill | null = null;
  let server: FakeWecomWsServer | null = null;
  let pool: pg.Pool | null = null;

  beforeEach(async () => {
    drill = await startOutageDrill('longconn-outage');
    server = await startFakeWecomWsServer({ bots: { [TEST_BOT_ID]: 'secret-for-tests' } });
  });
  afterEach(async () => {
    await pool?.end();
    await server?.close();
    await drill?.stop();
  });

  it('keeps every command WeCom will not send again, and runs each once when it is back', async () => {
    if (!drill || !server) throw new Error('not set up');
    const { postgres: database, databaseUrl, dir, prefix, processes } = drill;
    const wecom = server;
    const port = await freePort();
    const baton = processes.start('all', 'all', {
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      BATON_QUEUE_PREFIX: prefix,
      BATON_ORG_FILE: ORG_FILE,
      BATON_DATA_DIR: dir,
      BATON_ADMIN_TOKEN: 'longconn-outage-admin-token',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      BATON_DIRECTORY_SYNC_MINUTES: '0',
      BATON_JOB_LOCK_MS: '3000',
      ...longConnectionEnv(wecom),
    });
    const explain = () => `${processes.exited().join('\n')}\n${baton.output()}`;
    await waitFor(
      async () =>
        (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.status === 200 &&
        wecom.liveConnections(TEST_BOT_ID) === 1,
      { what: 'baton ready on the long connection', timeoutMs: 60_000, intervalMs: 200 },
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${explain()}`);
    });

    const push = (i: number) =>
      wecom.pushText(TEST_BOT_ID, {
        chatid: CHATS[i % CHATS.length],
        userid: 'ZhengYi',
        content: `@接力 /任务 巡检${i}\n检查 @张三 1小时内`,
        msgid: `outage-${i}`,
      });
    for (let i = 0; i < BEFORE_OUTAGE; i++) push(i);
    await database.stop('fast');
    for (let i = BEFORE_OUTAGE; i < COMMANDS; i++) {
      push(i);
      await sleep(250);
    }
    await sleep(1_000);
    await database.start();

    // One card per command in its chat, none twice, and one task row per command.
    const cards = () =>
      wecom.sends.flatMap((f) => {
        const title = titleOf(f);
        return title && CHATS.includes(String(f.body?.chatid)) ? [title] : [];
      });
    await waitFor(
      () => {
        const seen = new Set(cards().map((t) => /巡检\d+/.exec(t)?.[0]));
        return seen.size === COMMANDS;
      },
      { what: `a card for each of ${COMMANDS} commands`, timeoutMs: 60_000, intervalMs: 200 },
    ).catch((err: Error) => {
      throw new Error(`${err.message}; cards: ${JSON.stringify(cards())}\n${explain()}`);
    });
    pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    const { rows } = await pool.query<{ title: string; n: number }>(
      'select title, count(*)::int as n from tasks group by title order by title',
    );
    expect(rows).toHaveLength(COMMANDS);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    const perCommand = new Map<string, number>();
    for (const title of cards()) {
      const key = /巡检\d+/.exec(title)?.[0] ?? title;
      perCommand.set(key, (perCommand.get(key) ?? 0) + 1);
    }
    expect(
      [...perCommand.values()].filter((n) => n !== 1),
      'a card sent twice',
    ).toEqual([]);
    const { rows: left } = await pool.query<{ n: number }>('select count(*)::int as n from inbox');
    expect(left[0]?.n).toBe(0);
    expect(processes.exited()).toEqual([]);
  }, 180_000);
});

import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../src/infra/config/config.js';
import type { Db } from '../src/infra/db/client.js';
import { importOrgFile } from '../src/infra/db/repositories/org-import.drizzle.js';
import { nodes, tasks } from '../src/infra/db/schema/index.js';
import { parseOrgFile } from '../src/infra/org/org-file.parser.js';
import { createInboundHandler } from '../src/main/inbound.js';
import type { BenchDatabase } from './bench-kit.js';
import { REDIS_URL } from './bench-kit.js';

const ORG_FILE = 'test/fixtures/org/fast-ladder.yaml';
/** Copies are made this many at a time, so no statement grows without bound. */
const BATCH = 20_000;

/**
 * `count` open tasks of one active node each, owned by 张三 and due in three working days, in a
 * fresh benchmark database. One task is created through the real engine; the others are copies
 * of its rows made in SQL (task, node, owners, followers): what the engine would have written,
 * made a thousand times faster.
 */
export async function seedOpenNodes(database: BenchDatabase, count: number): Promise<void> {
  const { db } = database;
  await importOrgFile(db, parseOrgFile(readFileSync(ORG_FILE, 'utf8'), ORG_FILE));
  const config = loadConfig({ DATABASE_URL: database.url, REDIS_URL, LOG_LEVEL: 'silent' });
  const infra = { database, redis: null as never, redisUrl: REDIS_URL, close: async () => {} };
  await createInboundHandler(config, infra, () => undefined).handle({
    type: 'message',
    platform: 'sim',
    tenantKey: 'default',
    messageId: 'seed',
    chat: { chatId: 'seed-chat', isGroup: true },
    sender: { platformUserId: 'zhaoliu', displayName: null },
    text: '/任务 种子任务\n处理 @张三 3个工作日内',
    mentions: [],
    receivedAt: new Date(),
    replyHandle: null,
  });
  // The seed's own card and schedule requests: the benchmarks build the schedule themselves.
  await db.execute(sql`delete from outbox`);
  const [seed] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.number, 1));
  const [node] = await db
    .select({ id: nodes.id })
    .from(nodes)
    .where(eq(nodes.taskId, seed?.id ?? ''));
  if (!seed || !node) throw new Error('the seed task was not created');
  const suffixed = (column: string) => `s.${column} || '_' || g`;
  for (let from = 1; from < count; from += BATCH) {
    const to = Math.min(count - 1, from + BATCH - 1);
    await db.transaction(async (tx) => {
      const copy = (table: string, replaced: Record<string, string>, where: string, id: string) =>
        copyRows(tx, { table, replaced, where, id, from, to });
      await copy('tasks', { id: suffixed('id'), number: 's.number + g' }, 'id', seed.id);
      await copy('nodes', { id: suffixed('id'), task_id: suffixed('task_id') }, 'task_id', seed.id);
      await copy('node_owners', { node_id: suffixed('node_id') }, 'node_id', node.id);
      await copy('task_followers', { task_id: suffixed('task_id') }, 'task_id', seed.id);
    });
  }
  await db.execute(sql`update task_counters set last_number = ${count}`);
  // As autovacuum would have by now in a database that grew to this size.
  await db.execute(sql`analyze`);
}

/** `insert into table select …` the seed row once for each `g` in [from, to]. */
async function copyRows(
  tx: Db,
  copy: {
    table: string;
    replaced: Record<string, string>;
    where: string;
    id: string;
    from: number;
    to: number;
  },
): Promise<void> {
  // Both drivers answer with `rows`; the union of their result types does not say so.
  const columns = (await tx.execute(
    sql`select column_name from information_schema.columns
        where table_schema = current_schema() and table_name = ${copy.table}
        order by ordinal_position`,
  )) as unknown as { rows: { column_name: string }[] };
  const names = columns.rows.map((c) => c.column_name);
  const into = names.map((n) => `"${n}"`).join(', ');
  const select = names.map((n) => copy.replaced[n] ?? `s."${n}"`).join(', ');
  await tx.execute(
    sql.raw(
      `insert into ${copy.table} (${into}) select ${select}
       from ${copy.table} s, generate_series(${copy.from}, ${copy.to}) g
       where s.${copy.where} = '${copy.id.replaceAll("'", "''")}'`,
    ),
  );
}

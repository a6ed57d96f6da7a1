import { readFileSync } from 'node:fs';
import { and, asc, eq, like } from 'drizzle-orm';
import { renderCardAsMarkdown } from '../../cards/render/markdown.render.js';
import { handleInbound } from '../../src/application/inbound/handle-inbound.usecase.js';
import { importOrgFile } from '../../src/infra/db/repositories/org-import.drizzle.js';
import { createOrgStore } from '../../src/infra/db/repositories/org-store.drizzle.js';
import { deliveries } from '../../src/infra/db/schema/index.js';
import { createRunInTransaction } from '../../src/infra/db/unit-of-work.drizzle.js';
import { newId } from '../../src/infra/ids.js';
import { parseOrgFile } from '../../src/infra/org/org-file.parser.js';
import { loadTemplates } from '../../src/main/templates.js';
import type { OutboundMessage } from '../../src/ports/chat-platform.port.js';
import { createTestDatabase } from './test-db.js';

const SAMPLE_ORG_FILE = 'examples/org.sample.yaml';

let eventCounter = 0;

/**
 * The engine's inbound use-case (parse, execute, write) on a database of its own holding
 * examples/org.sample.yaml, at a fixed moment, with the shipped templates. Nothing is sent: the
 * answers are read back from the deliveries written. Each `tenant()` is a fresh copy of the
 * sample org, so what one scenario leaves open does not touch another and task numbers start at 1.
 */
export async function startSampleOrgEngine(now: Date) {
  const database = await createTestDatabase();
  const sample = parseOrgFile(readFileSync(SAMPLE_ORG_FILE, 'utf8'), SAMPLE_ORG_FILE);
  let tenants = 0;
  const deps = {
    runInTransaction: createRunInTransaction(database.db),
    orgStore: createOrgStore(database.db),
    tenantOf: (event: { tenantKey: string | null }) => event.tenantKey ?? 'default',
    admins: [],
    botNames: ['接力'],
    publicUrl: 'http://127.0.0.1:3000',
    now: () => now,
    newId,
    templates: loadTemplates({ templatesDir: null }),
  };

  /** A fresh copy of the sample organisation, as its own tenant. */
  async function tenant(): Promise<string> {
    const id = `t${++tenants}`;
    await importOrgFile(database.db, { ...sample, tenant: { ...sample.tenant, id } });
    return id;
  }

  /**
   * `personId` says `text` in `conversation` (a group chat, or `user:<id>` for a private chat)
   * of tenant `tenantId`; returns the texts of the answers this message caused there.
   */
  async function say(
    tenantId: string,
    conversation: string,
    personId: string,
    text: string,
  ): Promise<string[]> {
    // Ends in a letter, so `s1e-` is no prefix of `s10e-`.
    const messageId = `s${++eventCounter}e`;
    const isGroup = !conversation.startsWith('user:');
    await handleInbound(deps, {
      type: 'message',
      platform: 'sim',
      tenantKey: tenantId,
      messageId,
      chat: { chatId: isGroup ? conversation : personId, isGroup },
      sender: { platformUserId: personId, displayName: null },
      text,
      mentions: [],
      receivedAt: now,
      replyHandle: null,
    });
    const rows = await database.db
      .select()
      .from(deliveries)
      .where(
        and(
          eq(deliveries.tenantId, tenantId),
          eq(deliveries.targetId, isGroup ? conversation : personId),
          like(deliveries.dedupeKey, `in-sim-${messageId}-%`),
        ),
      )
      .orderBy(asc(deliveries.id));
    return rows.map((row) => textOf(row.message as OutboundMessage));
  }

  return { tenant, say, stop: () => database.destroy() };
}

/** A message as one text; a card as its markdown form (what chats without cards show). */
export function textOf(message: OutboundMessage): string {
  if (message.kind === 'text') return message.text;
  if (message.kind === 'markdown') return message.markdown;
  return renderCardAsMarkdown(message.card).markdown;
}

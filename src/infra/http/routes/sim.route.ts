import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { InboundHandler } from '../../../ports/inbound-handler.port.js';
import type { OrgStore } from '../../../ports/org-store.port.js';
import type { SimTranscript, SimTranscriptEntry } from '../../../ports/sim-transcript.port.js';
import { PROJECT_ROOT } from '../../project-paths.js';
import { type Admission, sendRefusal } from '../admission.js';

const PUBLIC_DIR = join(PROJECT_ROOT, 'src', 'infra', 'http', 'public');
/** A Map, not an object: `/sim/assets/valueOf` must not find Object.prototype's. */
const ASSETS: ReadonlyMap<string, string> = new Map([
  ['sim.css', 'text/css; charset=utf-8'],
  ['sim.js', 'text/javascript; charset=utf-8'],
  ['card-view.js', 'text/javascript; charset=utf-8'],
  ['dom.js', 'text/javascript; charset=utf-8'],
]);

export interface SimRouteDeps {
  /** The simulator's organisation (the sandbox beside a real platform). */
  readonly tenantId: string;
  readonly orgStore: OrgStore;
  readonly transcript: SimTranscript;
  /** What people type and tap goes to the durable inbox; workers run it through the engine. */
  readonly inbound: Pick<InboundHandler, 'enqueue'>;
  /** Bounds accepts in flight and the inbox's backlog: past them, 429/503 at once. */
  readonly admission: Admission;
  /** Emits `entry` for every transcript change, from any process. */
  readonly events: NodeJS.EventEmitter;
  /** Announces a transcript change (what a person typed) to every process. */
  readonly onChange: (entry: SimTranscriptEntry) => void;
}

/** Work groups of the simulator, besides the org's coordination chats. */
const SIM_GROUPS = [
  { id: 'office', name: '行政服务群' },
  { id: 'annual-party', name: '年会筹备群' },
];

/**
 * The most a message may hold, as on WeCom: up to it a message reaches the engine like any
 * platform's, which answers an over-long command in Chinese in the chat; past it the page is
 * told why, in Chinese, and nothing is written.
 */
export const SIM_MAX_TEXT = 20_000;

const conversationPattern = '^(user:)?[A-Za-z0-9_.-]{1,64}$';
/**
 * The page's own id for a message or tap, the same on each retry: the inbox refuses an event id
 * it already holds, so a retry after an answer that got lost is not run twice.
 */
const clientIdSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' } as const;

/**
 * The chat simulator: a page, its transcript, a live stream of changes, and two ways in (typing,
 * tapping a card button) that become inbound events like any platform's. Both are answered 202
 * once the event is in the inbox, or refused with Retry-After when there is no room (mount
 * behind the admin token: the caller acts as whoever it names).
 */
export async function simRoutes(app: FastifyInstance, deps: SimRouteDeps) {
  app.get('/sim', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(await readFile(join(PUBLIC_DIR, 'sim.html'))),
  );

  app.get<{ Params: { file: string } }>('/sim/assets/:file', async (request, reply) => {
    const type = ASSETS.get(request.params.file);
    if (!type)
      return reply.status(404).send({ error: { code: 'not_found', message: 'No such asset' } });
    return reply.type(type).send(await readFile(join(PUBLIC_DIR, request.params.file)));
  });

  app.get('/sim/api/state', async () => {
    const org = await deps.orgStore.loadOrg(deps.tenantId);
    const departments = new Map(org?.departments.map((d) => [d.id, d.name]));
    return {
      people: (org?.people ?? [])
        .filter((p) => p.active)
        .map((p) => ({
          id: p.id,
          name: p.name,
          department: departments.get(p.departmentId ?? '') ?? null,
        })),
      chats: [
        ...SIM_GROUPS,
        ...(org?.coordination.chats ?? [])
          .filter((c) => c.platform === 'sim')
          .map((c) => ({
            id: c.chatId,
            name: `${c.chatId === 'coordination' ? '跨部门协调群' : c.chatId}（协调群）`,
          })),
      ],
    };
  });

  app.get<{ Params: { conversation: string } }>(
    '/sim/api/conversations/:conversation',
    {
      schema: {
        params: {
          type: 'object',
          properties: { conversation: { type: 'string', pattern: conversationPattern } },
        },
      },
    },
    async (request) => ({ entries: await deps.transcript.list(request.params.conversation, 200) }),
  );

  app.get('/sim/api/stream', (request, reply) => {
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    // Now, not with the first entry: the page (and a test) learns at once that it is connected.
    reply.raw.flushHeaders();
    const send = (entry: SimTranscriptEntry) =>
      reply.raw.write(`event: entry\ndata: ${JSON.stringify(entry)}\n\n`);
    const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), 15_000);
    deps.events.on('entry', send);
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      deps.events.off('entry', send);
    });
  });

  app.post<{ Body: { conversation: string; personId: string; text: string; clientId?: string } }>(
    '/sim/api/messages',
    {
      schema: {
        body: {
          type: 'object',
          required: ['conversation', 'personId', 'text'],
          additionalProperties: false,
          properties: {
            conversation: { type: 'string', pattern: conversationPattern },
            personId: { type: 'string', minLength: 1, maxLength: 64 },
            // No NUL: PostgreSQL text cannot hold it.
            text: { type: 'string', minLength: 1, pattern: '^[^\\u0000]*$' },
            clientId: clientIdSchema,
          },
        },
      },
    },
    async (request, reply) => {
      const { conversation, personId, text, clientId } = request.body;
      const length = [...text].length;
      if (length > SIM_MAX_TEXT) {
        return reply.status(413).send({
          error: {
            code: 'sim.text_too_long',
            message: `消息太长：最多 ${SIM_MAX_TEXT} 个字，现在有 ${length} 个字。请删减或分几条发送。`,
          },
        });
      }
      const isGroup = !conversation.startsWith('user:');
      const outcome = await deps.admission.run(async (stillWanted) => {
        // Written before the event is queued: whatever the engine answers comes after it.
        const entry = await deps.transcript.append({
          conversation,
          direction: 'in',
          senderId: personId,
          body: { kind: 'text', text, mentions: [] },
        });
        deps.onChange(entry);
        // Answered 503 meanwhile: the page sends it again, so this one must not run.
        if (!stillWanted()) return entry;
        await deps.inbound.enqueue({
          type: 'message',
          platform: 'sim',
          tenantKey: deps.tenantId,
          messageId: clientId ? `sim-c-${clientId}` : `sim-${entry.id}`,
          chat: { chatId: isGroup ? conversation : personId, isGroup },
          sender: { platformUserId: personId, displayName: null },
          text,
          mentions: [],
          receivedAt: entry.createdAt,
          replyHandle: null,
        });
        return entry;
      });
      if (outcome.kind === 'refused') return sendRefusal(reply, outcome.refusal);
      return reply.status(202).send({ accepted: true, id: outcome.value.id });
    },
  );

  app.post<{
    Body: {
      conversation: string;
      personId: string;
      entryId: number;
      actionId: string;
      value: Record<string, string>;
      clientId?: string;
    };
  }>(
    '/sim/api/actions',
    {
      schema: {
        body: {
          type: 'object',
          required: ['conversation', 'personId', 'entryId', 'actionId', 'value'],
          additionalProperties: false,
          properties: {
            conversation: { type: 'string', pattern: conversationPattern },
            personId: { type: 'string', minLength: 1, maxLength: 64 },
            entryId: { type: 'integer', minimum: 1 },
            actionId: { type: 'string', minLength: 1, maxLength: 64 },
            value: {
              type: 'object',
              additionalProperties: { type: 'string', maxLength: 128 },
              maxProperties: 8,
            },
            clientId: clientIdSchema,
          },
        },
      },
    },
    async (request, reply) => {
      const { conversation, personId, entryId, actionId, value, clientId } = request.body;
      const isGroup = !conversation.startsWith('user:');
      // The card changes in the transcript once a worker ran the tap: the answer carries none.
      const outcome = await deps.admission.run(() =>
        deps.inbound.enqueue({
          type: 'card-action',
          platform: 'sim',
          tenantKey: deps.tenantId,
          eventId: `sim-click-${clientId ?? randomUUID()}`,
          chat: { chatId: isGroup ? conversation : personId, isGroup },
          user: { platformUserId: personId, displayName: null },
          cardRef: String(entryId),
          actionId,
          value,
          receivedAt: new Date(),
          replyHandle: null,
        }),
      );
      if (outcome.kind === 'refused') return sendRefusal(reply, outcome.refusal);
      return reply.status(202).send({ accepted: true });
    },
  );
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveries, inbox } from '../../src/infra/db/schema/index.js';
import { startWecomHttpEngine, type WecomHttpEngine } from '../fakes/wecom/http-engine.js';
import { waitFor } from '../helpers/wait-for.js';

const CHATS = 50;
const PER_CHAT = 40;
const TOTAL = CHATS * PER_CHAT;
/**
 * Shorter than the 3 s the route waits in production, so that the burst outruns it whatever the
 * machine: many callbacks answer empty and their chats' next commands overlap them.
 */
const REPLY_WAIT_MS = 500;

/** Who answered a callback, with what, and when it reached the chat. */
interface Reply {
  readonly chat: number;
  readonly index: number;
  readonly via: 'passive' | 'response_url';
  readonly topic: string | null;
  readonly at: number;
}

/** The unknown help topic each command asks for, echoed in its reply: which command it answers. */
const topicOf = (chat: number, index: number) => `c${chat}n${index}`;
const topicIn = (text: string) => /「(c\d+n\d+)」/.exec(text)?.[1] ?? null;

describe('WeCom API-mode bot: a burst of 2,000 callbacks from 50 chats', () => {
  let w: WecomHttpEngine;
  beforeAll(async () => {
    // 40 replies a chat within seconds, beyond the group robots' 20 a minute: a reply that
    // answers a callback is not counted against the chat's budget.
    w = await startWecomHttpEngine(undefined, { replyWaitMs: REPLY_WAIT_MS });
  });
  afterAll(() => w.stop());

  it('answers every callback within the window and gives each its own reply once, in order per chat', async () => {
    const replies: Reply[] = [];
    const elapsed: number[] = [];
    const statuses = new Map<number, number>();
    // Each chat sends its commands one after another as soon as the last is answered, 50 chats
    // at once: far more than the engine runs within the window.
    await Promise.all(
      Array.from({ length: CHATS }, async (_, chat) => {
        for (let index = 0; index < PER_CHAT; index++) {
          const answer = await w.bot.postJson('/wecom/bot', {
            msgid: `burst-${chat}-${index}`,
            aibotid: 'aibFake',
            chatid: `wrBurst${chat}`,
            chattype: 'group',
            from: { userid: 'ZhengYi' },
            response_url: `${w.api.url}/cgi-bin/aibot/response?response_code=${chat}-${index}`,
            msgtype: 'text',
            text: { content: `@接力 /帮助 ${topicOf(chat, index)}` },
          });
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          elapsed.push(answer.elapsedMs);
          if (answer.status === 200 && answer.text !== '') {
            const reply = w.bot.openJsonReply(answer.text, answer.nonce) as {
              stream?: { content: string };
            };
            const topic = topicIn(reply.stream?.content ?? '');
            replies.push({ chat, index, via: 'passive', topic, at: performance.now() });
          }
        }
      }),
    );
    expect(Object.fromEntries(statuses)).toEqual({ 200: TOTAL });
    expect(Math.max(...elapsed)).toBeLessThan(5_000);

    const late = () => w.api.callsOf('aibot/response');
    await waitFor(() => replies.length + late().length >= TOTAL, {
      what: `${TOTAL} replies`,
      timeoutMs: 40_000,
    });
    const lateCount = late().length;
    for (const call of late()) {
      const [chat, index] = String(call.query.response_code).split('-').map(Number);
      expect(call.errcode).toBe(0);
      replies.push({
        chat: chat ?? -1,
        index: index ?? -1,
        via: 'response_url',
        topic: topicIn(JSON.stringify(call.body)),
        at: call.at,
      });
    }
    // A moment for anything sent twice to show up.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(late()).toHaveLength(lateCount);
    expect(replies).toHaveLength(TOTAL);

    // Each callback answered once, passively or through its response_url, with its own reply.
    const wrong = replies.filter((r) => r.topic !== topicOf(r.chat, r.index));
    expect(wrong.map((r) => `${r.via} ${topicOf(r.chat, r.index)} got ${r.topic}`)).toEqual([]);
    const answered = new Set(replies.map((r) => topicOf(r.chat, r.index)));
    expect(answered.size).toBe(TOTAL);
    // In the chat, the replies come in the order the commands were sent.
    for (let chat = 0; chat < CHATS; chat++) {
      const order = replies
        .filter((r) => r.chat === chat)
        .sort((a, b) => a.at - b.at)
        .map((r) => r.index);
      expect(order).toEqual(Array.from({ length: PER_CHAT }, (_, i) => i));
    }
    const rows = await w.engine.database.db.select().from(deliveries);
    expect(rows.filter((d) => d.status !== 'sent')).toEqual([]);
    expect(await w.engine.database.db.select().from(inbox)).toEqual([]);
  }, 90_000);
});

import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { deliveries } from '../../src/infra/db/schema/index.js';
import { startWecomHttpEngine, WECOM_TEST_KEYS } from '../fakes/wecom/http-engine.js';
import { waitFor } from '../helpers/wait-for.js';

/**
 * WeCom refusing every message/send with 45009 for minutes on end, in real time (CI runs the
 * compressed version in delivery-pipeline.int.test.ts). Run by hand:
 *   BATON_REAL_TIME_THROTTLE_MINUTES=10 npx vitest run test/faults/throttle-real-time.fault.test.ts
 */
const MINUTES = Number(process.env.BATON_REAL_TIME_THROTTLE_MINUTES ?? 0);
const SENDERS = ['ZhengYi', 'ZhangSan', 'LiSi', 'WangWu', 'ZhaoLiu'];

function privateHelp(from: string, msgId: number): string {
  return `<xml><ToUserName><![CDATA[${WECOM_TEST_KEYS.corpId}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[/帮助]]></Content><MsgId>${msgId}</MsgId><AgentID>${WECOM_TEST_KEYS.agentId}</AgentID></xml>`;
}

describe.runIf(MINUTES > 0)(`WeCom throttling message/send for ${MINUTES} minutes`, () => {
  it(
    'sends every answer once when the throttle lifts, within a minute, asking once a minute meanwhile',
    async () => {
      const w = await startWecomHttpEngine();
      try {
        const forMs = MINUTES * 60_000;
        w.api.throttle('message/send', 45009, forMs);
        const liftsAt = Date.now() + forMs;
        for (const [i, from] of SENDERS.entries()) {
          expect((await w.app.postXml('/wecom/app', privateHelp(from, 880_000 + i))).status).toBe(
            200,
          );
        }
        const sends = () => w.api.callsOf('message/send');
        const accepted = () => sends().filter((c) => c.errcode === 0);
        await waitFor(() => accepted().length >= SENDERS.length, {
          what: 'every answer after the throttle',
          timeoutMs: forMs + 180_000,
          intervalMs: 1_000,
        });
        const lastArrived = Date.now();
        await sleep(10_000);
        expect(
          accepted()
            .map((c) => c.body?.touser)
            .sort(),
        ).toEqual([...SENDERS].sort());
        expect(lastArrived - liftsAt, 'the last answer, after the throttle lifted').toBeLessThan(
          75_000,
        );
        // WeCom says to wait a minute after 45009: about one refused try per message per minute.
        const refused = sends().filter((c) => c.errcode === 45009).length;
        expect(refused).toBeGreaterThanOrEqual(SENDERS.length * (MINUTES - 1));
        expect(refused).toBeLessThanOrEqual(SENDERS.length * (MINUTES + 2));
        const rows = await w.engine.database.db.select().from(deliveries);
        expect(rows.map((r) => r.status)).toEqual(rows.map(() => 'sent'));
        process.stdout.write(
          `throttle ${MINUTES} min: ${refused} refused tries, ${accepted().length} answers, the last ${((lastArrived - liftsAt) / 1000).toFixed(1)} s after it lifted\n`,
        );
      } finally {
        await w.stop();
      }
    },
    MINUTES * 60_000 + 300_000,
  );
});

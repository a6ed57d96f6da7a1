import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { admissionGate, createAdmission } from '../../../src/infra/http/admission.js';

const limits = { maxInFlight: 2, maxBacklog: 10, deadlineMs: 1_000, backlogMaxAgeMs: 0 };

/** A callback route that answers when the test lets it, behind the gate. */
async function gatedApp(backlog: () => Promise<number>) {
  const app = Fastify();
  const waiting: (() => void)[] = [];
  app.addHook('onRequest', admissionGate(createAdmission({ limits, backlog })));
  app.post('/callback', async () => {
    await new Promise<void>((resolve) => waiting.push(resolve));
    return 'success';
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const post = () => fetch(`http://127.0.0.1:${port}/callback`, { method: 'POST', body: 'x' });
  return { app, waiting, post };
}

describe('admission gate for platform callbacks', () => {
  it('answers 503 with Retry-After at once past the requests in flight, and again has room once they are answered', async () => {
    const { app, waiting, post } = await gatedApp(async () => 0);
    try {
      const first = post();
      const second = post();
      while (waiting.length < 2) await new Promise((r) => setTimeout(r, 5));
      const refused = await post();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      for (const release of waiting.splice(0)) release();
      expect((await first).status).toBe(200);
      expect((await second).status).toBe(200);
      const third = post();
      while (waiting.length < 1) await new Promise((r) => setTimeout(r, 5));
      for (const release of waiting.splice(0)) release();
      expect((await third).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('answers 503 while the work waiting behind it is over its bound', async () => {
    const { app, waiting, post } = await gatedApp(async () => 11);
    try {
      // The first request reads the backlog in the background; the next ones see it.
      await Promise.race([post(), new Promise((r) => setTimeout(r, 50))]);
      const refused = await post();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('2');
    } finally {
      for (const release of waiting.splice(0)) release();
      await app.close();
    }
  });
});

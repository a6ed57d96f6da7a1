import type { FastifyInstance } from 'fastify';

export interface ReadinessCheck {
  readonly name: string;
  readonly check: () => Promise<void>;
}

const CHECK_TIMEOUT_MS = 2_000;

/** `/healthz`: the process serves. `/readyz`: its database and Redis answer too (503 if not). */
export async function healthRoutes(
  app: FastifyInstance,
  opts: { checks: readonly ReadinessCheck[] },
) {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    const results = await Promise.all(
      opts.checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), CHECK_TIMEOUT_MS);
          return [name, 'ok'] as const;
        } catch (err) {
          request.log.warn({ check: name, err: (err as Error).message }, 'readiness check failed');
          return [name, 'down'] as const;
        }
      }),
    );
    const ready = results.every(([, state]) => state === 'ok');
    return reply.status(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not ready',
      checks: Object.fromEntries(results),
    });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

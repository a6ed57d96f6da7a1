import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';

export const QUEUES_DASHBOARD_PATH = '/admin/queues';

/** bull-board's dashboard of Baton's queues; mount it inside the admin-token scope. */
export async function queuesDashboardRoutes(
  app: FastifyInstance,
  opts: { queues: readonly Queue[] },
) {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUES_DASHBOARD_PATH);
  createBullBoard({
    queues: opts.queues.map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: '接力 Baton 队列' } },
  });
  await app.register(serverAdapter.registerPlugin(), { prefix: QUEUES_DASHBOARD_PATH });
}

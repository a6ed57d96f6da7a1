import type { FastifyInstance } from 'fastify';
import type { OrgStore } from '../../../ports/org-store.port.js';

/** `GET /api/org/:tenantId`: the organisation as Baton sees it (directory, coordination, ladders). */
export async function orgRoutes(app: FastifyInstance, opts: { orgStore: OrgStore }) {
  app.get<{ Params: { tenantId: string } }>(
    '/api/org/:tenantId',
    {
      schema: {
        params: {
          type: 'object',
          properties: { tenantId: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$' } },
          required: ['tenantId'],
        },
      },
    },
    async (request, reply) => {
      const org = await opts.orgStore.loadOrg(request.params.tenantId);
      if (!org)
        return reply
          .status(404)
          .send({ error: { code: 'org.not_found', message: 'No such tenant' } });
      return org;
    },
  );
}

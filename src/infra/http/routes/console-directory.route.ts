import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { DirectorySyncLog } from '../../../ports/directory-repository.port.js';
import type { Db } from '../../db/client.js';
import {
  findDirectoryDepartments,
  findPeopleSources,
} from '../../db/queries/console-directory.query.js';

export interface ConsoleDirectoryDeps {
  readonly db: Db;
  readonly tenantId: string;
  readonly syncLog: DirectorySyncLog;
  /** Queues a directory sync; null when no platform with contacts is configured. */
  readonly requestSync: (() => Promise<void>) | null;
}

const plainQuery = z.strictObject({ token: z.string().optional() });
/** Syncs shown: enough to see a failure among the hourly successes. */
const RECENT_SYNCS = 5;

function badRequest(reply: FastifyReply, error: z.ZodError) {
  return reply
    .status(400)
    .send({ error: { code: 'console.bad_request', message: z.prettifyError(error) } });
}

/**
 * The directory as the console shows it: each department's liaison and leader with the source
 * that set them, the recent syncs, and the button that asks for one now. Mount it inside the
 * admin-token scope.
 */
export async function consoleDirectoryRoutes(app: FastifyInstance, deps: ConsoleDirectoryDeps) {
  app.get('/api/console/directory', async (request, reply) => {
    const query = plainQuery.safeParse(request.query);
    if (!query.success) return badRequest(reply, query.error);
    return {
      syncAvailable: deps.requestSync !== null,
      syncs: await deps.syncLog.recent(deps.tenantId, RECENT_SYNCS),
      departments: await findDirectoryDepartments(deps.db, deps.tenantId),
      people: await findPeopleSources(deps.db, deps.tenantId),
    };
  });

  // JSON only: a cross-site form cannot send it, and the cookie is SameSite=Strict besides.
  app.post('/api/console/directory/sync', async (request, reply) => {
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return reply
        .status(415)
        .send({ error: { code: 'console.json_required', message: 'Send application/json' } });
    }
    if (!deps.requestSync) {
      return reply.status(409).send({
        error: {
          code: 'directory.no_contacts',
          message: 'No platform with contacts is configured (see docs/directory.md)',
        },
      });
    }
    await deps.requestSync();
    return reply.status(202).send({ queued: true });
  });
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { PROJECT_ROOT } from '../../project-paths.js';

const PUBLIC_DIR = join(PROJECT_ROOT, 'src', 'infra', 'http', 'public');
const ASSETS: Record<string, string> = {
  'console.css': 'text/css; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'console-gantt.js': 'text/javascript; charset=utf-8',
};

/**
 * The console's pages: one HTML shell for the task list (`/`), a task (`/tasks/:id`, the path
 * chat cards link to) and the department view; the script reads the path and asks the JSON API.
 * Mount it inside the admin-token scope.
 */
export async function consoleRoutes(app: FastifyInstance) {
  const page = async (_request: unknown, reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(await readFile(join(PUBLIC_DIR, 'console.html')));
  app.get('/', page);
  app.get('/departments', page);
  app.get('/tasks/:id', page);

  app.get<{ Params: { file: string } }>('/console/assets/:file', async (request, reply) => {
    const type = ASSETS[request.params.file];
    if (!type)
      return reply.status(404).send({ error: { code: 'not_found', message: 'No such asset' } });
    return reply.type(type).send(await readFile(join(PUBLIC_DIR, request.params.file)));
  });
}

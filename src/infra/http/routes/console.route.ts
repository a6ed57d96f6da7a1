import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { PROJECT_ROOT } from '../../project-paths.js';

const PUBLIC_DIR = join(PROJECT_ROOT, 'src', 'infra', 'http', 'public');
/** The console's own files; nothing else in the folder is served from here. */
const ASSETS = new Set([
  'card-view.js',
  'console.css',
  'console.js',
  'console-departments.js',
  'console-directory.js',
  'console-dom.js',
  'console-gantt.js',
  'console-kpis.js',
  'console-task-list.js',
  'console-task-page.js',
  'console-task-rows.js',
  'dom.js',
]);
const typeOf = (file: string) =>
  file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';

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
    const { file } = request.params;
    if (!ASSETS.has(file))
      return reply.status(404).send({ error: { code: 'not_found', message: 'No such asset' } });
    return reply.type(typeOf(file)).send(await readFile(join(PUBLIC_DIR, file)));
  });
}

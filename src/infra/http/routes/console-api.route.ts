import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { OrgStore } from '../../../ports/org-store.port.js';
import type { Db } from '../../db/client.js';
import { findTaskEvents } from '../../db/queries/console-events.query.js';
import {
  CONSOLE_TASK_LIMIT,
  findConsoleTask,
  findConsoleTasks,
  findManuallyEscalated,
  OPEN_TASKS_LIMIT,
} from '../../db/queries/console-tasks.query.js';
import { TASK_STATUSES } from '../../db/schema/index.js';
import {
  type ConsoleScene,
  departmentsView,
  taskDetailView,
  taskSummaryView,
} from './console-views.js';

export interface ConsoleRouteDeps {
  readonly db: Db;
  readonly tenantId: string;
  readonly orgStore: OrgStore;
  /** Where Baton is reached; the task card shown on a task page links there. */
  readonly publicUrl: string;
  /** SOP templates offered, for the template filter and names. */
  readonly templates: readonly { readonly key: string; readonly name: string }[];
  readonly now?: () => Date;
}

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);
const id = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'expected an id' });
const optionalId = z.preprocess(blankToUndefined, id.optional());
const flag = z.preprocess(
  blankToUndefined,
  z
    .enum(['1', 'true', '0', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .optional(),
);
/** `token` may ride along on links opened with the admin token; it is checked before this. */
const token = { token: z.string().optional() };

const taskListQuery = z.strictObject({
  status: z.preprocess(blankToUndefined, z.enum([...TASK_STATUSES, 'all']).default('open')),
  department: optionalId,
  person: optionalId,
  template: optionalId,
  late: flag,
  escalated: flag,
  ...token,
});
const plainQuery = z.strictObject(token);
const taskParams = z.strictObject({ id });

function badRequest(reply: FastifyReply, error: z.ZodError) {
  return reply
    .status(400)
    .send({ error: { code: 'console.bad_request', message: z.prettifyError(error) } });
}

/** The console's read-only JSON API; mount it inside the admin-token scope. */
export async function consoleApiRoutes(app: FastifyInstance, deps: ConsoleRouteDeps) {
  const now = deps.now ?? (() => new Date());
  const templateNames = new Map(deps.templates.map((t) => [t.key, t.name]));

  const sceneOr404 = async (reply: FastifyReply): Promise<ConsoleScene | null> => {
    const org = await deps.orgStore.loadOrg(deps.tenantId);
    if (org) return { org, now: now(), publicUrl: deps.publicUrl, templateNames };
    await reply
      .status(404)
      .send({ error: { code: 'org.not_found', message: 'No organisation loaded yet' } });
    return null;
  };

  app.get('/api/console/meta', async (request, reply) => {
    const query = plainQuery.safeParse(request.query);
    if (!query.success) return badRequest(reply, query.error);
    const scene = await sceneOr404(reply);
    if (!scene) return reply;
    return {
      timezone: scene.org.calendar.timezone,
      departments: scene.org.departments.map((d) => ({ id: d.id, name: d.name })),
      people: scene.org.people
        .filter((p) => p.active)
        .map((p) => ({ id: p.id, name: p.name, departmentId: p.departmentId })),
      templates: deps.templates.map((t) => ({ key: t.key, name: t.name })),
    };
  });

  app.get('/api/console/tasks', async (request, reply) => {
    const query = taskListQuery.safeParse(request.query);
    if (!query.success) return badRequest(reply, query.error);
    const scene = await sceneOr404(reply);
    if (!scene) return reply;
    const found = await findConsoleTasks(deps.db, deps.tenantId, query.data, scene.now);
    const manual = await findManuallyEscalated(
      deps.db,
      found.map((t) => t.id),
    );
    return {
      now: scene.now,
      limit: CONSOLE_TASK_LIMIT,
      tasks: found.map((t) => taskSummaryView(t, scene, manual.has(t.id))),
    };
  });

  app.get('/api/console/tasks/:id', async (request, reply) => {
    const params = taskParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const query = plainQuery.safeParse(request.query);
    if (!query.success) return badRequest(reply, query.error);
    const scene = await sceneOr404(reply);
    if (!scene) return reply;
    const task = await findConsoleTask(deps.db, deps.tenantId, params.data.id);
    if (!task)
      return reply.status(404).send({ error: { code: 'task.not_found', message: 'No such task' } });
    const log = await findTaskEvents(deps.db, deps.tenantId, task.id);
    return taskDetailView(task, log, scene);
  });

  app.get('/api/console/departments', async (request, reply) => {
    const query = plainQuery.safeParse(request.query);
    if (!query.success) return badRequest(reply, query.error);
    const scene = await sceneOr404(reply);
    if (!scene) return reply;
    const open = await findConsoleTasks(
      deps.db,
      deps.tenantId,
      { status: 'open' },
      scene.now,
      OPEN_TASKS_LIMIT,
    );
    return { now: scene.now, departments: departmentsView(open, scene) };
  });
}

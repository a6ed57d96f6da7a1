import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { createBusinessCalendar } from '../../../domain/calendar/business-calendar.js';
import type { Org } from '../../../domain/org/org.types.js';
import type { OrgStore } from '../../../ports/org-store.port.js';
import type { Db } from '../../db/client.js';
import { findTaskEvents } from '../../db/queries/console-events.query.js';
import {
  CONSOLE_PAGE_SIZE_MAX,
  CONSOLE_TASK_SORTS,
  type ConsoleTaskFilter,
  type ConsoleTaskSort,
  findConsoleTask,
  findConsoleTaskPage,
  findConsoleTasks,
  findManuallyEscalated,
  OPEN_TASKS_LIMIT,
} from '../../db/queries/console-tasks.query.js';
import { TASK_STATUSES } from '../../db/schema/index.js';
import { tasksCsv } from './console-tasks-csv.js';
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

/** The most a page may be after the first: with the page size, bounds the offset. */
const MAX_PAGE = 10_000;
/** The most tasks one export holds; past it the filter must be narrowed. */
export const EXPORT_MAX = 10_000;
const EXPORT_BATCH = 500;

const filterFields = {
  status: z.preprocess(blankToUndefined, z.enum([...TASK_STATUSES, 'all']).default('open')),
  department: optionalId,
  person: optionalId,
  template: optionalId,
  late: flag,
  escalated: flag,
  q: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.trim()) : v),
    z.string().max(50).optional(),
  ),
  sort: z.preprocess(blankToUndefined, z.enum(CONSOLE_TASK_SORTS).default('newest')),
  ...token,
};
const taskListQuery = z.strictObject({
  ...filterFields,
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(MAX_PAGE).default(1)),
  pageSize: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(1).max(CONSOLE_PAGE_SIZE_MAX).default(50),
  ),
});
const exportQuery = z.strictObject(filterFields);

type ListQuery = z.infer<typeof exportQuery>;

/** The filter of a list query, its search resolved against the org's names. */
function filterOf(query: ListQuery, org: Org): ConsoleTaskFilter & { sort: ConsoleTaskSort } {
  const { q, token: _token, ...rest } = query;
  if (!q) return rest;
  const text = q.toLowerCase();
  const departmentIds = org.departments
    .filter((d) => d.name.toLowerCase().includes(text))
    .map((d) => d.id);
  const personIds = org.people
    .filter(
      (p) =>
        p.name.toLowerCase().includes(text) ||
        (p.departmentId !== null && departmentIds.includes(p.departmentId)),
    )
    .map((p) => p.id);
  return { ...rest, search: { text: q, personIds, departmentIds } };
}
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
    const { page, pageSize, ...rest } = query.data;
    const filter = filterOf(rest, scene.org);
    const found = await findConsoleTaskPage(deps.db, deps.tenantId, filter, scene.now, {
      sort: filter.sort,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    const manual = await findManuallyEscalated(
      deps.db,
      found.tasks.map((t) => t.id),
    );
    return {
      now: scene.now,
      total: found.total,
      page,
      pageSize,
      tasks: found.tasks.map((t) => taskSummaryView(t, scene, manual.has(t.id))),
    };
  });

  app.get('/api/console/tasks.csv', async (request, reply) => {
    const query = exportQuery.safeParse(request.query);
    if (!query.success) return badRequest(reply, query.error);
    const scene = await sceneOr404(reply);
    if (!scene) return reply;
    const filter = filterOf(query.data, scene.org);
    const rows = [];
    for (let offset = 0; offset < EXPORT_MAX; offset += EXPORT_BATCH) {
      const batch = await findConsoleTaskPage(deps.db, deps.tenantId, filter, scene.now, {
        sort: filter.sort,
        offset,
        limit: EXPORT_BATCH,
      });
      if (batch.total > EXPORT_MAX)
        return reply.status(400).send({
          error: {
            code: 'console.export_too_large',
            message: `${batch.total} tasks match; narrow the filter to at most ${EXPORT_MAX}`,
          },
        });
      const manual = await findManuallyEscalated(
        deps.db,
        batch.tasks.map((t) => t.id),
      );
      rows.push(...batch.tasks.map((t) => taskSummaryView(t, scene, manual.has(t.id))));
      if (offset + EXPORT_BATCH >= batch.total) break;
    }
    const day = createBusinessCalendar(scene.org.calendar).localDate(scene.now);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="tasks-${day}.csv"`)
      .send(tasksCsv(rows, createBusinessCalendar(scene.org.calendar)));
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

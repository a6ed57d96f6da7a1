import {
  events,
  nodeOwners,
  nodes,
  ratings,
  tasks,
  tenants,
} from '../../../src/infra/db/schema/index.js';
import type { TestDatabase } from '../../helpers/test-db.js';

/** An instant written as org-local wall time (Asia/Shanghai, UTC+8), e.g. `11-09 10:00`. */
export const at = (local: string) => new Date(`2026-${local.replace(' ', 'T')}:00+08:00`);
export const TENANT = 'kpi';

interface NodeSpec {
  id: string;
  seq: number;
  dept: string;
  owners: string[];
  status: 'active' | 'done' | 'approved' | 'cancelled' | 'pending';
  due?: string;
  activated?: string;
  ack?: string;
  completed?: string;
  limit?: object;
  pausedMs?: number;
}

interface TaskSpec {
  id: string;
  number: number;
  template: string | null;
  status: 'open' | 'done' | 'cancelled';
  closed?: string;
  nodes: NodeSpec[];
  rating?: number;
}

type EventSpec = [
  taskId: string,
  nodeId: string | null,
  type: string,
  atLocal: string,
  data?: object,
];

/**
 * A known week, 2026-11-09 (Mon) to 11-16, with 11-11 an org holiday; working hours 09:00–18:00.
 * The numbers each KPI must give are worked out by hand in kpi.int.test.ts.
 */
const TASKS: TaskSpec[] = [
  {
    id: 't1',
    number: 1,
    template: 'procurement',
    status: 'done',
    closed: '11-10 15:00',
    rating: 4,
    nodes: [
      {
        id: 'n1.1',
        seq: 1,
        dept: 'logistics',
        owners: ['zhangsan'],
        status: 'done',
        activated: '11-09 10:00',
        ack: '11-09 10:30',
        due: '11-09 18:00',
        completed: '11-09 16:00',
        limit: { unit: 'workhours', hours: 1 },
      },
      {
        id: 'n1.2',
        seq: 2,
        dept: 'finance',
        owners: ['lisi'],
        status: 'approved',
        activated: '11-09 16:00',
        due: '11-10 12:00',
        completed: '11-10 15:00',
        limit: { unit: 'workhours', hours: 2 },
      },
    ],
  },
  {
    id: 't2',
    number: 2,
    template: null,
    status: 'done',
    closed: '11-12 10:00',
    rating: 5,
    nodes: [
      {
        id: 'n2.1',
        seq: 1,
        dept: 'logistics',
        owners: ['zhangsan', 'wangwu'],
        status: 'done',
        activated: '11-10 17:00',
        due: '11-12 12:00',
        completed: '11-12 10:00',
        pausedMs: 40 * 3_600_000,
      },
    ],
  },
  {
    id: 't3',
    number: 3,
    template: 'procurement',
    status: 'done',
    closed: '11-13 17:00',
    rating: 2,
    nodes: [
      {
        id: 'n3.1',
        seq: 1,
        dept: 'procurement',
        owners: ['sunba'],
        status: 'done',
        activated: '11-13 09:00',
        ack: '11-13 09:10',
        due: '11-13 12:00',
        completed: '11-13 10:00',
        limit: { unit: 'ms', ms: 3_600_000 },
      },
      {
        id: 'n3.2',
        seq: 2,
        dept: 'finance',
        owners: ['lisi'],
        status: 'approved',
        activated: '11-13 10:00',
        ack: '11-13 16:00',
        due: '11-13 18:00',
        completed: '11-13 17:00',
        limit: { unit: 'workhours', hours: 2 },
      },
    ],
  },
  {
    id: 't4',
    number: 4,
    template: null,
    status: 'cancelled',
    closed: '11-13 11:00',
    nodes: [
      {
        id: 'n4.1',
        seq: 1,
        dept: 'warehouse',
        owners: ['zhoujiu'],
        status: 'cancelled',
        activated: '11-12 09:00',
        due: '11-12 12:00',
      },
    ],
  },
  {
    id: 't5',
    number: 5,
    template: null,
    status: 'open',
    nodes: [
      {
        id: 'n5.1',
        seq: 1,
        dept: 'warehouse',
        owners: ['zhoujiu'],
        status: 'active',
        activated: '11-13 09:00',
        due: '11-13 18:00',
      },
      { id: 'n5.2', seq: 2, dept: 'finance', owners: ['lisi'], status: 'pending' },
    ],
  },
  {
    id: 't6',
    number: 6,
    template: null,
    status: 'done',
    closed: '11-06 12:00',
    nodes: [
      {
        id: 'n6.1',
        seq: 1,
        dept: 'logistics',
        owners: ['zhangsan'],
        status: 'done',
        activated: '11-06 09:00',
        due: '11-06 18:00',
        completed: '11-06 12:00',
      },
    ],
  },
];

const EVENTS: EventSpec[] = [
  ['t1', 'n1.1', 'node.activated', '11-09 10:00'],
  ['t1', 'n1.2', 'node.activated', '11-09 16:00'],
  ['t2', 'n2.1', 'node.activated', '11-10 17:00'],
  ['t2', 'n2.1', 'node.paused', '11-10 17:30'],
  ['t2', 'n2.1', 'node.resumed', '11-12 09:30'],
  ['t2', 'n2.1', 'node.extension_approved', '11-12 09:40'],
  // #3: 3.2 rejects, 3.1 is redone, then 3.2 runs again (activated twice, never reworked).
  ['t3', 'n3.1', 'node.activated', '11-12 10:00'],
  ['t3', 'n3.2', 'node.activated', '11-12 11:00'],
  ['t3', 'n3.2', 'node.rejected', '11-12 17:00'],
  ['t3', 'n3.1', 'node.reworked', '11-13 09:00'],
  ['t3', 'n3.2', 'node.activated', '11-13 10:00'],
  ['t4', 'n4.1', 'node.activated', '11-12 09:00'],
  ['t4', 'n4.1', 'node.escalated', '11-12 12:00', { level: 1 }],
  ['t4', 'n4.1', 'node.escalated', '11-12 12:30', { level: 2 }],
  ['t5', 'n5.1', 'node.activated', '11-13 09:00'],
  ['t5', 'n5.1', 'node.escalated', '11-13 18:00', { level: 1 }],
  ['t5', 'n5.1', 'node.escalated', '11-13 18:05', { level: 2 }],
  ['t5', 'n5.1', 'task.escalated', '11-14 10:00', { manual: true }],
  ['t6', 'n6.1', 'node.activated', '11-06 09:00'],
  ['t6', 'n6.1', 'node.escalated', '11-06 10:00', { level: 1 }],
];

export async function writeKnownHistory(database: TestDatabase): Promise<void> {
  const { db } = database;
  await db.insert(tenants).values({ id: TENANT, name: 'KPI', settings: {} });
  for (const t of TASKS) {
    await db.insert(tasks).values({
      id: t.id,
      tenantId: TENANT,
      number: t.number,
      title: `任务${t.number}`,
      creatorId: 'zhengyi',
      originPlatform: 'sim',
      originChatId: 'office',
      status: t.status,
      templateKey: t.template,
      closedAt: t.closed ? at(t.closed) : null,
      createdAt: at('11-01 09:00'),
    });
    for (const n of t.nodes) {
      await db.insert(nodes).values({
        id: n.id,
        taskId: t.id,
        seq: n.seq,
        parallelGroup: n.seq,
        title: `节点${n.id}`,
        departmentId: n.dept,
        deadlineSpec: { kind: 'none' },
        status: n.status,
        dueAt: n.due ? at(n.due) : null,
        activatedAt: n.activated ? at(n.activated) : null,
        acknowledgedAt: n.ack ? at(n.ack) : null,
        completedAt: n.completed ? at(n.completed) : null,
        responseLimit: n.limit ?? null,
        pausedTotalMs: n.pausedMs ?? 0,
      });
      await db
        .insert(nodeOwners)
        .values(n.owners.map((personId, position) => ({ nodeId: n.id, personId, position })));
    }
    if (t.rating)
      await db.insert(ratings).values({ taskId: t.id, personId: 'zhengyi', score: t.rating });
  }
  await db.insert(events).values(
    EVENTS.map(([taskId, nodeId, type, local, data]) => ({
      tenantId: TENANT,
      taskId,
      nodeId,
      type,
      actorId: null,
      source: 'sim',
      data: data ?? {},
      createdAt: at(local),
    })),
  );
}

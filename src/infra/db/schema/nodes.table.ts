import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { createdAt, instant, updatedAt } from './columns.helpers.js';
import { tasks } from './tasks.table.js';

export const NODE_STATUSES = [
  'pending',
  'active',
  'paused',
  'done',
  'approved',
  'rejected',
  'cancelled',
  'skipped',
] as const;

/** A step of a task, with its owners and deadline. */
export const nodes = pgTable(
  'nodes',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    /** 1-based position shown as `#12.2`. */
    seq: integer('seq').notNull(),
    /** Nodes of one group run in parallel; groups run in order. */
    parallelGroup: integer('parallel_group').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['action', 'approval'] })
      .notNull()
      .default('action'),
    signMode: text('sign_mode', { enum: ['all', 'any'] })
      .notNull()
      .default('all'),
    departmentId: text('department_id'),
    /** The deadline as the person wrote it (`明天18:00`), kept for the audit trail. */
    deadlineText: text('deadline_text'),
    /** The parsed deadline (absolute, relative to activation, or to the event date). */
    deadlineSpec: jsonb('deadline_spec').notNull(),
    dueAt: instant('due_at'),
    /** Bumps on every change of due_at, so stale scheduled pings can tell they are stale. */
    deadlineVersion: integer('deadline_version').notNull().default(0),
    responseLimit: jsonb('response_limit'),
    status: text('status', { enum: NODE_STATUSES }).notNull().default('pending'),
    escalationLevel: integer('escalation_level').notNull().default(0),
    reworkCount: integer('rework_count').notNull().default(0),
    fields: jsonb('fields').notNull().default({}),
    activatedAt: instant('activated_at'),
    acknowledgedAt: instant('acknowledged_at'),
    pausedAt: instant('paused_at'),
    pausedTotalMs: bigint('paused_total_ms', { mode: 'number' }).notNull().default(0),
    completedAt: instant('completed_at'),
    lastNudgedAt: instant('last_nudged_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.taskId, t.seq),
    index('nodes_open_due_idx').on(t.dueAt).where(sql`${t.status} in ('active', 'paused')`),
  ],
);

/** Owners of a node and each one's decision (会签 needs all, 或签 any one). */
export const nodeOwners = pgTable(
  'node_owners',
  {
    nodeId: text('node_id')
      .notNull()
      .references(() => nodes.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull(),
    /** Position among the node's owners; 加签 appends. */
    position: integer('position').notNull(),
    decision: text('decision', { enum: ['done', 'approved', 'rejected'] }),
    decidedAt: instant('decided_at'),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.personId] }), index().on(t.personId)],
);

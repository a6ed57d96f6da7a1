import type { Platform } from '../domain/org/org.types.js';
import type { TaskEvent } from '../domain/task/task.effects.js';
import type { Task, TaskNode } from '../domain/task/task.types.js';
import type { NewDelivery } from './delivery-store.port.js';
import type { DirectoryRepository } from './directory-repository.port.js';
import type { KpiSource } from './kpi-source.port.js';

/** Tasks as the use-cases read and write them, inside one transaction. */
export interface TaskRepository {
  /** The next short number (`#12`) of the tenant; gapless under concurrency. */
  nextNumber(tenantId: string): Promise<number>;
  /** Inserts or replaces the task with its nodes, owners and followers. */
  save(task: Task): Promise<void>;
  /**
   * Loads and locks the tenant's task (FOR UPDATE) so concurrent clicks serialise; null for
   * another tenant's: a card's task id comes from the clicker and may name any task.
   */
  lockById(tenantId: string, taskId: string): Promise<Task | null>;
  lockByNumber(tenantId: string, number: number): Promise<Task | null>;
  /** The task a node belongs to, locked. */
  lockByNodeId(nodeId: string): Promise<Task | null>;
  /** The tenant's open tasks started in a chat, newest first. */
  findOpenInChat(tenantId: string, platform: Platform, chatId: string): Promise<Task[]>;
  /** Open nodes a person owns, with their tasks; with `includePending`, those of open tasks not started yet too. */
  findOpenNodesOwnedBy(
    tenantId: string,
    personId: string,
    options?: { readonly includePending?: boolean },
  ): Promise<{ task: Task; node: TaskNode }[]>;
}

/** The requester's satisfaction rating of a task (one per task). */
export interface RatingRepository {
  /** The task's rating, locked, or null when none was given. */
  find(taskId: string): Promise<{ score: number; comment: string | null; createdAt: Date } | null>;
  /** Gives or replaces the rating. */
  save(rating: {
    taskId: string;
    personId: string;
    score: number;
    comment: string | null;
  }): Promise<void>;
}

/** A person's own choices (not directory data). */
export interface PersonSettingsRepository {
  setDailyDigest(tenantId: string, personId: string, enabled: boolean): Promise<void>;
  /** People of the tenant who turned the daily digest off. */
  digestOptOuts(tenantId: string): Promise<ReadonlySet<string>>;
}

/** Everything one transaction may write; it commits whole or not at all. */
export interface UnitOfWork {
  readonly tasks: TaskRepository;
  readonly ratings: RatingRepository;
  readonly personSettings: PersonSettingsRepository;
  readonly directory: DirectoryRepository;
  /** KPI facts, read inside this transaction. */
  readonly kpis: KpiSource;
  /** Claims a scheduled ping; false when it fired before (a replay or a re-added job). */
  claimPing(ping: {
    id: string;
    nodeId: string;
    kind: string;
    level: number;
    dueAt: Date;
    late: boolean;
  }): Promise<boolean>;
  /** Records an inbound platform message id; false when it was handled before (a redelivery). */
  markInboundHandled(platform: Platform, messageId: string): Promise<boolean>;
  appendEvents(
    tenantId: string,
    taskId: string | null,
    source: string,
    events: readonly TaskEvent[],
  ): Promise<void>;
  enqueueDeliveries(items: readonly NewDelivery[]): Promise<void>;
  /** Platform user ids of the people holding a private copy of the task's card there. */
  privateCardHolders(taskId: string, platform: Platform): Promise<string[]>;
  /** Asks the schedule to (re)plan a node's pings, or to clear them, after commit. */
  requestNodePlan(nodeId: string): Promise<void>;
}

export type RunInTransaction = <T>(work: (uow: UnitOfWork) => Promise<T>) => Promise<T>;

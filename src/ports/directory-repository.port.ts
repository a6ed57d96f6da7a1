import type {
  DepartmentRow,
  DirectorySource,
  PersonRow,
  SyncPlatform,
} from '../domain/directory/directory.types.js';
import type { DirectoryChange } from '../domain/directory/directory-change.types.js';
import type { CurrentDirectory } from '../domain/directory/directory-sync.plan.js';
import type { Platform } from '../domain/org/org.types.js';

export type OrgRole = 'coordinator' | 'leadership' | 'admin';

/** Departments, people, roles and coordination chats, written inside one transaction. */
export interface DirectoryRepository {
  /** Serialises the tenant's directory writers (syncs, chat settings) until the commit. */
  lock(tenantId: string): Promise<void>;
  /** Every department and person of the tenant, active or not. */
  load(tenantId: string): Promise<CurrentDirectory>;
  findDepartment(tenantId: string, departmentId: string): Promise<DepartmentRow | null>;
  findPerson(tenantId: string, personId: string): Promise<PersonRow | null>;
  saveDepartments(tenantId: string, rows: readonly DepartmentRow[]): Promise<void>;
  savePeople(tenantId: string, rows: readonly PersonRow[]): Promise<void>;
  /** Marks a group chat the coordination chat; false when it was one already. */
  setCoordinationChat(tenantId: string, platform: Platform, chatId: string): Promise<boolean>;
  /** Gives a person an organisation-wide role; false when they had it already. */
  addRole(
    tenantId: string,
    personId: string,
    role: OrgRole,
    source: DirectorySource,
  ): Promise<boolean>;
  /** The tenant's Baton admins named in the org file or set from the chat. */
  admins(tenantId: string): Promise<readonly string[]>;
  /** Event-log rows for what changed in the directory. */
  logChanges(
    tenantId: string,
    source: string,
    actorId: string | null,
    changes: readonly DirectoryChange[],
  ): Promise<void>;
}

export interface DirectorySyncRecord {
  readonly id: string;
  readonly platform: SyncPlatform;
  readonly trigger: string;
  readonly status: 'running' | 'succeeded' | 'failed';
  readonly summary: Readonly<Record<string, number>>;
  readonly error: string | null;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
}

/** The record of each sync, written outside the sync's own transaction so a failure shows. */
export interface DirectorySyncLog {
  start(tenantId: string, platform: SyncPlatform, trigger: string, now: Date): Promise<string>;
  succeed(id: string, summary: Readonly<Record<string, number>>, now: Date): Promise<void>;
  fail(id: string, error: string, now: Date): Promise<void>;
  recent(tenantId: string, limit: number): Promise<readonly DirectorySyncRecord[]>;
}

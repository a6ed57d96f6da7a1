/** Where a directory value came from. */
export type DirectorySource = 'org-file' | 'chat' | 'wecom' | 'dingtalk';

/** The platforms whose contacts Baton syncs. */
export type SyncPlatform = 'wecom' | 'dingtalk';

/** Which source set each field. */
export type FieldSources<F> = Partial<Record<keyof F & string, DirectorySource>>;

export interface DepartmentFields {
  readonly name: string;
  readonly parentId: string | null;
  readonly liaisonId: string | null;
  readonly leaderId: string | null;
  readonly wecomDeptId: string | null;
  readonly dingtalkDeptId: string | null;
}

export interface PersonFields {
  readonly name: string;
  readonly departmentId: string | null;
  readonly wecomUserId: string | null;
  readonly dingtalkUserId: string | null;
}

/** A department or person as stored, with the source of the row and of each field. */
export interface DirectoryRow<F> {
  readonly id: string;
  /** Who created the row; only that source deactivates it. */
  readonly source: DirectorySource;
  readonly active: boolean;
  readonly fields: F;
  readonly fieldSources: FieldSources<F>;
}

export type DepartmentRow = DirectoryRow<DepartmentFields>;
export type PersonRow = DirectoryRow<PersonFields>;

/** A department as the platform's contacts API lists it. */
export interface PlatformDepartment {
  readonly platformId: string;
  /** Null when the app may not read names (newer WeCom apps). */
  readonly name: string | null;
  readonly parentPlatformId: string | null;
  readonly leaderUserIds: readonly string[];
}

/** A member as the platform's contacts API lists them. */
export interface PlatformMember {
  readonly userId: string;
  /** Null when the app may not read names (newer WeCom apps). */
  readonly name: string | null;
  /** Main department first. */
  readonly departmentPlatformIds: readonly string[];
}

/** Everything one sync read from a platform: the whole directory, or nothing. */
export interface DirectorySnapshot {
  readonly platform: SyncPlatform;
  readonly departments: readonly PlatformDepartment[];
  readonly members: readonly PlatformMember[];
}

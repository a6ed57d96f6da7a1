import type { Org } from '../domain/org/org.types.js';

/** What an org-file import changed; all zero when the file matched the database already. */
export interface OrgImportSummary {
  readonly tenantId: string;
  readonly departmentsChanged: number;
  readonly peopleChanged: number;
  readonly chatsChanged: number;
  readonly rolesChanged: number;
  readonly deactivated: number;
}

/** Reads the organisation (directory, coordination setup, ladders) Baton works with. */
export interface OrgStore {
  /** The tenant's organisation, active people and departments only; null when unknown. */
  loadOrg(tenantId: string): Promise<Org | null>;
}

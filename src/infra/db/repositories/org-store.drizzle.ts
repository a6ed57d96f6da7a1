import { and, eq } from 'drizzle-orm';
import type { Org } from '../../../domain/org/org.types.js';
import type { OrgStore } from '../../../ports/org-store.port.js';
import type { StoredTenantSettings } from '../../org/org-file.mapper.js';
import { calendarOfSettings } from '../../org/tenant-calendars.js';
import type { Db } from '../client.js';
import { chats, departments, people, roleAssignments, tenants } from '../schema/index.js';

export function createOrgStore(db: Db): OrgStore {
  return {
    async loadOrg(tenantId) {
      const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
      if (!tenant) return null;
      // One after another: `db` may be a transaction, whose single connection takes one query
      // at a time (pg deprecates queueing them, PGlite has one connection anyway).
      const depts = await db
        .select()
        .from(departments)
        .where(and(eq(departments.tenantId, tenantId), eq(departments.active, true)));
      const persons = await db.select().from(people).where(eq(people.tenantId, tenantId));
      const roles = await db
        .select()
        .from(roleAssignments)
        .where(eq(roleAssignments.tenantId, tenantId));
      const coordinationChats = await db
        .select()
        .from(chats)
        .where(and(eq(chats.tenantId, tenantId), eq(chats.isCoordination, true)));
      const settings = tenant.settings as StoredTenantSettings;
      const calendar = calendarOfSettings(settings);
      // A tenant row made before any org file was loaded holds no organisation yet.
      if (!calendar) return null;
      const withRole = (role: string) =>
        roles
          .filter((r) => r.role === role)
          .map((r) => r.personId)
          .sort();
      const org: Org = {
        calendar,
        escalation: settings.escalation,
        departments: depts
          .map((d) => ({ id: d.id, name: d.name, liaisonId: d.liaisonId, leaderId: d.leaderId }))
          .sort((a, b) => a.id.localeCompare(b.id)),
        people: persons
          .map((p) => ({
            id: p.id,
            name: p.name,
            departmentId: p.departmentId,
            wecomUserId: p.wecomUserId,
            dingtalkUserId: p.dingtalkUserId,
            active: p.active,
          }))
          .sort((a, b) => a.id.localeCompare(b.id)),
        coordination: {
          chats: coordinationChats.map((c) => ({
            platform: c.platform,
            chatId: c.chatId,
            webhookKey: c.webhookKey,
          })),
          coordinators: withRole('coordinator'),
          leadership: withRole('leadership'),
          admins: withRole('admin'),
        },
      };
      return org;
    },
  };
}

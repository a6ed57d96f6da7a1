import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.helpers.js';

/**
 * One organisation: its calendar and escalation ladders come from the org file. `wecomCorpId` and
 * `dingtalkCorpId` map a platform's corp to it, so one tenant can span both platforms.
 */
export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  wecomCorpId: text('wecom_corp_id').unique(),
  dingtalkCorpId: text('dingtalk_corp_id').unique(),
  /** Parsed org-level settings (calendar, escalation ladders) as the domain's `Org` expects them. */
  settings: jsonb('settings').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

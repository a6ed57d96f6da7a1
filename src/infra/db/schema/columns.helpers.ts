import { timestamp } from 'drizzle-orm/pg-core';

/** Every timestamp is stored with its zone: deadlines are instants, never server-local times. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () => instant('updated_at').notNull().defaultNow();

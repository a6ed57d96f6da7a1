import { sql } from 'drizzle-orm';
import { check, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.helpers.js';
import { tasks } from './tasks.table.js';

/** One satisfaction rating (1–5) per task, by its requester; changeable for a week. */
export const ratings = pgTable(
  'ratings',
  {
    taskId: text('task_id')
      .primaryKey()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull(),
    score: smallint('score').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('ratings_score_range', sql`${t.score} between 1 and 5`)],
);

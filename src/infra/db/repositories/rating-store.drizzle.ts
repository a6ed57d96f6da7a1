import { eq } from 'drizzle-orm';
import type { RatingRepository } from '../../../ports/unit-of-work.port.js';
import type { Tx } from '../client.js';
import { ratings } from '../schema/index.js';

export function createRatingRepository(tx: Tx): RatingRepository {
  return {
    async find(taskId) {
      const [row] = await tx.select().from(ratings).where(eq(ratings.taskId, taskId)).for('update');
      return row ? { score: row.score, comment: row.comment, createdAt: row.createdAt } : null;
    },
    async save(rating) {
      await tx
        .insert(ratings)
        .values(rating)
        .onConflictDoUpdate({
          target: ratings.taskId,
          set: { score: rating.score, comment: rating.comment, updatedAt: new Date() },
        });
    },
  };
}

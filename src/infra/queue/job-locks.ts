/**
 * Times a worker dies holding the same job before BullMQ fails it unrun. Every handler is
 * idempotent (a ping is claimed in PostgreSQL, a delivery leased), so taking a job over is safe;
 * past this, reconciliation still runs the work again (a failed job of an unfired ping is
 * replaced), only later.
 */
const MAX_STALLS = 10;

/**
 * How the schedule and delivery workers hold their jobs. A worker killed mid-job loses its lock
 * after `jobLockMs`; checking for such jobs twice per lock period hands them to a live worker
 * within about one and a half lock periods, instead of two.
 */
export function jobLockOptions(jobLockMs: number) {
  return {
    lockDuration: jobLockMs,
    stalledInterval: Math.max(500, Math.floor(jobLockMs / 2)),
    maxStalledCount: MAX_STALLS,
  };
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * How long something has been going on, as a person says it: the two largest units, whole
 * (「2天9小时」, 「3小时5分钟」, 「2分钟」), at least one minute. Exact durations (a deadline
 * typed as 90分钟) use `formatDuration`; this is for elapsed time, whose seconds say nothing.
 */
export function formatElapsed(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / MINUTE_MS));
  const days = Math.floor(minutes / (DAY_MS / MINUTE_MS));
  const hours = Math.floor((minutes % (DAY_MS / MINUTE_MS)) / (HOUR_MS / MINUTE_MS));
  const restMinutes = minutes % (HOUR_MS / MINUTE_MS);
  if (days > 0) return `${days}天${hours > 0 ? `${hours}小时` : ''}`;
  if (hours > 0) return `${hours}小时${restMinutes > 0 ? `${restMinutes}分钟` : ''}`;
  return `${restMinutes}分钟`;
}

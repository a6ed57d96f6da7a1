/** `HH:mm` for minutes after midnight (e.g. 1080 → `18:00`). */
export function formatMinuteOfDay(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, '0')}:${String(minute - hours * 60).padStart(2, '0')}`;
}

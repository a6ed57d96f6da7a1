const ELLIPSIS = '…';

/** Cuts `text` to at most `max` characters (code points, so a Chinese character counts once). */
export function limitChars(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}${ELLIPSIS}`;
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes without splitting a character. */
export function limitBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(ELLIPSIS);
  let used = 0;
  let kept = '';
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (used + size > budget) break;
    used += size;
    kept += char;
  }
  return `${kept}${ELLIPSIS}`;
}

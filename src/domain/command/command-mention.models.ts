/**
 * `@name`: letters (any script), digits, marks and `_`, with single inner `·`, `・`, `.` or `-`
 * (迪丽热巴·迪力木拉提, zhang.san). The name ends at a space or any other punctuation, so
 * `@张三，` and `@张三：` give 张三. An `@` right after a latin letter or digit (an e-mail
 * address) is not a mention; after a Chinese character it is (`@张三@李四`).
 */
const NAME = String.raw`[\p{L}\p{N}\p{M}_]+(?:[·・.\-][\p{L}\p{N}\p{M}_]+)*`;
const MENTION = new RegExp(String.raw`(?<![A-Za-z0-9_.\-])@(${NAME})`, 'gu');

/** A mention as found in a text: the name and where the `@` stands. */
export interface Mention {
  readonly name: string;
  readonly index: number;
  readonly end: number;
}

/** Every mention in order of appearance (duplicates included). */
export function findMentions(text: string): Mention[] {
  return [...text.matchAll(MENTION)].map((m) => ({
    name: m[1] as string,
    index: m.index,
    end: m.index + m[0].length,
  }));
}

/** Names after `@`, in order, without duplicates. */
export function extractMentions(text: string): string[] {
  return [...new Set(findMentions(text).map((m) => m.name))];
}

/** The text with every mention replaced by a space, spaces collapsed on each line. */
export function removeMentions(text: string): string {
  return text
    .replace(MENTION, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .trim();
}

const NAME_CHAR = /^[\p{L}\p{N}\p{M}_]/u;

/**
 * Drops mentions of the bot at the start and at the end of a message (WeCom and DingTalk put
 * them there) and says whether there was one. Bot names compare case-insensitively and may hold
 * spaces; `@接力助手` is not a mention of `接力`.
 */
export function stripBotMentions(
  text: string,
  botNames: readonly string[],
): { text: string; addressed: boolean } {
  const mentions = botNames
    .map((name) => `@${name.replace(/^@/, '').trim().toLowerCase()}`)
    .filter((mention) => mention.length > 1)
    .sort((a, b) => b.length - a.length);
  let rest = text.trim();
  let addressed = false;
  for (;;) {
    const current = rest;
    const lead = mentions.find((m) => leadsWith(current, m));
    const tail = mentions.find((m) => endsWith(current, m));
    if (lead) rest = rest.slice(lead.length).trim();
    else if (tail) rest = rest.slice(0, rest.length - tail.length).trim();
    else return { text: rest, addressed };
    addressed = true;
  }
}

function leadsWith(text: string, mention: string): boolean {
  const after = text.slice(mention.length, mention.length + 2);
  return text.slice(0, mention.length).toLowerCase() === mention && !NAME_CHAR.test(after);
}

function endsWith(text: string, mention: string): boolean {
  const start = text.length - mention.length;
  if (start < 0 || text.slice(start).toLowerCase() !== mention) return false;
  const before = [...text.slice(Math.max(0, start - 2), start)].pop() ?? '';
  return !NAME_CHAR.test(before) && before !== '.';
}

/** Group messages start with `@BotName `; the engine wants the command without it. */
export function stripLeadingMention(text: string): string {
  return text.replace(/^\s*@\S+[\s\u2005]*/u, '').trim();
}

import { normalizeCommandText } from '../command/command-text.models.js';
import { DomainError } from '../shared/domain-error.js';

const USAGE = '用法：/摘要 开 或 /摘要 关（每个工作日早上的个人待办摘要）';
const SWITCH: Readonly<Record<string, boolean>> = {
  开: true,
  开启: true,
  打开: true,
  on: true,
  关: false,
  关闭: false,
  off: false,
};

/**
 * `/摘要 开|关` (also `/digest on|off`): the person's daily digest switch. Null when the text is
 * another command or no command, for the ordinary parser to read.
 */
export function parseDigestSwitch(text: string): { enabled: boolean } | null {
  const match = /^[/、]\s*(摘要|digest)(?:\s+(.*))?$/is.exec(normalizeCommandText(text).trim());
  if (!match) return null;
  const word = (match[2] ?? '').trim().toLowerCase();
  const enabled = SWITCH[word];
  if (enabled === undefined)
    throw new DomainError('digest.bad_switch', '请写「开」或「关」。', { usage: USAGE });
  return { enabled };
}

import { commandError } from './command.errors.js';
import type { Command } from './command.types.js';

const SWITCH: Readonly<Record<string, boolean>> = {
  开: true,
  开启: true,
  打开: true,
  on: true,
  关: false,
  关闭: false,
  off: false,
};

/** `/摘要 开|关` (also `/digest on|off`): the person's daily digest switch. */
export function parseDigestSwitch(body: string): Command {
  const word = body.trim().toLowerCase();
  const enabled = SWITCH[word];
  if (enabled === undefined) {
    throw commandError('digest', 'bad_switch', '请写「开」或「关」，例如：/摘要 关。');
  }
  return { kind: 'digest', enabled };
}

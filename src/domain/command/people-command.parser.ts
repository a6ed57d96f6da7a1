import { commandError, commandErrors } from './command.errors.js';
import type { Command } from './command.types.js';
import { extractMentions, removeMentions } from './command-mention.models.js';
import { requireWholeTaskRef, takeRef } from './command-ref.parser.js';
import { freeText } from './command-text.models.js';

/** `/转交 [#12.2] @新负责人 <原因>`: exactly one person, and a reason. */
export function parseTransfer(body: string): Command {
  const { ref, rest } = takeRef('transfer', body);
  const [to, ...others] = extractMentions(rest);
  if (to === undefined) throw commandErrors.missingPeople('transfer', '接手的人');
  if (others.length > 0) {
    throw commandError('transfer', 'too_many_people', '一次只能转交给一个人。');
  }
  const reason = freeText(removeMentions(rest));
  if (reason === null) throw commandErrors.missingReason('transfer', '转交原因');
  return { kind: 'transfer', ref, to, reason };
}

/** `/加签 [#12.2] @审批人 [@更多] [说明]`. */
export function parseAddsign(body: string): Command {
  const { ref, rest } = takeRef('addsign', body);
  const people = extractMentions(rest);
  if (people.length === 0) throw commandErrors.missingPeople('addsign', '要加的审批人');
  return { kind: 'addsign', ref, people, note: freeText(removeMentions(rest)) };
}

/** `/抄送 #12 @人或部门 [@更多] [留言]`. */
export function parseCc(body: string): Command {
  const { ref, rest } = takeRef('cc', body);
  const task = requireWholeTaskRef('cc', ref);
  const people = extractMentions(rest);
  if (people.length === 0) throw commandErrors.missingPeople('cc', '要抄送的人或部门');
  return { kind: 'cc', ref: task, people, note: freeText(removeMentions(rest)) };
}

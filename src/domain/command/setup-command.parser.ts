import { commandUsageError } from './command.errors.js';
import type { Command } from './command.types.js';
import { extractMentions, removeMentions } from './command-text.models.js';

/** `/设置`, `/设置 协调群`, `/设置 联络员 @张三 后勤部`, `/设置 协调人 @赵六`, `/设置 领导 @王五`. */
export function parseSetup(args: string): Command {
  const [what = '', ...rest] = args.split(' ');
  const tail = rest.join(' ');
  const person = () => {
    const [p] = extractMentions(tail);
    if (p === undefined) throw commandUsageError('setup', 'missing_person', '请用 @ 写上是谁。');
    return p;
  };
  switch (what.toLowerCase()) {
    case '':
      return { kind: 'setup', action: { kind: 'show' } };
    case '协调群':
    case 'coordination':
      return { kind: 'setup', action: { kind: 'coordination-chat' } };
    case '联络员':
    case 'liaison': {
      const p = person();
      const department = removeMentions(tail);
      if (department === '')
        throw commandUsageError('setup', 'missing_department', '请写上部门名称。');
      return { kind: 'setup', action: { kind: 'liaison', person: p, department } };
    }
    case '协调人':
    case 'coordinator':
      return { kind: 'setup', action: { kind: 'coordinator', person: person() } };
    case '领导':
    case 'leader':
      return { kind: 'setup', action: { kind: 'leader', person: person() } };
    default:
      throw commandUsageError('setup', 'unknown_setting', `不认识设置项「${what}」。`);
  }
}

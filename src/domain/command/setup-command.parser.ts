import { assertExhaustive } from '../shared/assert-exhaustive.js';
import { clip, commandError, commandErrors } from './command.errors.js';
import type { Command, SetupAction } from './command.types.js';
import { extractMentions, removeMentions } from './command-mention.models.js';
import { freeText } from './command-text.models.js';

type SettingKind = Exclude<SetupAction['kind'], 'show'>;

const SETTING_NAMES: Readonly<Record<string, SettingKind>> = {
  协调群: 'coordination-chat',
  coordination: 'coordination-chat',
  联络员: 'liaison',
  liaison: 'liaison',
  协调人: 'coordinators',
  coordinator: 'coordinators',
  领导: 'leader',
  leader: 'leader',
};

/** `/设置`, `/设置 协调群`, `/设置 联络员 @张三 后勤部`, `/设置 协调人 @赵六`, `/设置 领导 @王五 [部门]`. */
export function parseSetup(body: string): Command {
  const text = body.trim();
  if (text === '') return { kind: 'setup', action: { kind: 'show' } };
  const name = /^[\p{L}\p{N}]+/u.exec(text)?.[0] ?? '';
  const setting = SETTING_NAMES[name.toLowerCase()];
  if (setting === undefined) {
    throw commandError(
      'setup',
      'unknown_setting',
      `没有「${clip(name || text)}」这个设置项，可以设置：协调群、联络员、协调人、领导。`,
    );
  }
  const rest = text.slice(name.length);
  return {
    kind: 'setup',
    action: readSetting(setting, extractMentions(rest), freeText(removeMentions(rest))),
  };
}

function readSetting(setting: SettingKind, people: string[], text: string | null): SetupAction {
  switch (setting) {
    case 'coordination-chat':
      if (people.length > 0 || text !== null) {
        throw commandErrors.unexpectedText(
          'setup',
          [...people.map((p) => `@${p}`), text].join(' '),
        );
      }
      return { kind: setting };
    case 'coordinators':
      if (people.length === 0) throw commandErrors.missingPeople('setup', '协调人');
      if (text !== null) throw commandErrors.unexpectedText('setup', text);
      return { kind: setting, people };
    case 'liaison': {
      const { person, department } = onePerson(people, text, '联络员');
      if (department === null) {
        throw commandError(
          'setup',
          'missing_department',
          '请写上联络员所在的部门，例如：/设置 联络员 @张三 后勤部。',
        );
      }
      return { kind: setting, person, department };
    }
    case 'leader':
      return { kind: setting, ...onePerson(people, text, '领导') };
    default:
      return assertExhaustive(setting);
  }
}

/** One person, and the department written after them (as text or as a second `@部门`). */
function onePerson(
  people: readonly string[],
  text: string | null,
  role: string,
): { person: string; department: string | null } {
  const [person, second, ...more] = people;
  if (person === undefined) throw commandErrors.missingPeople('setup', role);
  if (more.length > 0 || (second !== undefined && text !== null)) {
    throw commandError('setup', 'too_many_people', `一次只能设置一位${role}。`);
  }
  return { person, department: second ?? text };
}

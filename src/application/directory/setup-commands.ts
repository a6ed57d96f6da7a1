import type { SetupAction } from '../../domain/command/command.types.js';
import type { DepartmentRow } from '../../domain/directory/directory.types.js';
import { mergeFields } from '../../domain/directory/field-precedence.js';
import type { Department } from '../../domain/org/org.types.js';
import { assertExhaustive } from '../../domain/shared/assert-exhaustive.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { CommandScope } from '../inbound/engine-context.js';
import { nameOf, resolvePerson } from '../inbound/org-directory.js';
import { replyText } from '../inbound/replies.js';
import { showSetup } from './setup-show.js';
import { SOURCE_LABELS } from './source-labels.js';

/**
 * `/设置`: anyone may look; coordinators and admins change the coordination chat, liaisons,
 * coordinators and leaders. A value the org file sets is not changed from the chat (the file
 * would put it back on the next import): the answer says so.
 */
export async function runSetup(scope: CommandScope, action: SetupAction): Promise<void> {
  if (action.kind === 'show') return showSetup(scope);
  if (!scope.actor.isCoordinator && !scope.actor.isAdmin) {
    const who = scope.org.coordination.coordinators.map(nameOf(scope.org)).join('、');
    throw new DomainError(
      'setup.forbidden',
      `只有协调人或管理员可以修改设置${who ? `，请联系协调人：${who}` : ''}。`,
    );
  }
  switch (action.kind) {
    case 'coordination-chat':
      return setCoordinationChat(scope);
    case 'liaison': {
      const person = resolvePerson(scope.org, action.person);
      const department = departmentNamed(scope, action.department);
      await setDepartmentField(scope, department, 'liaisonId', person.id);
      return confirm(scope, action, `✅ 已设置 ${person.name} 为${department.name}的联络员。`);
    }
    case 'leader': {
      const person = resolvePerson(scope.org, action.person);
      if (action.department === null) {
        await addRole(scope, person.id, 'leadership');
        return confirm(scope, action, `✅ 已把 ${person.name} 加为领导（超时最后一级会通知）。`);
      }
      const department = departmentNamed(scope, action.department);
      await setDepartmentField(scope, department, 'leaderId', person.id);
      return confirm(scope, action, `✅ 已设置 ${person.name} 为${department.name}的负责人。`);
    }
    case 'coordinators': {
      const people = action.people.map((name) => resolvePerson(scope.org, name));
      for (const person of people) await addRole(scope, person.id, 'coordinator');
      return confirm(scope, action, `✅ 已把 ${people.map((p) => p.name).join('、')} 设为协调人。`);
    }
    default:
      return assertExhaustive(action);
  }
}

async function setCoordinationChat(scope: CommandScope): Promise<void> {
  if (scope.chatId === null) {
    throw new DomainError('setup.not_in_group', '请在要设为协调群的群里发送 /设置 协调群。');
  }
  const changed = await scope.uow.directory.setCoordinationChat(
    scope.tenantId,
    scope.platform,
    scope.chatId,
  );
  if (!changed) return replyText(scope, '本群已经是协调群。');
  return confirm(
    scope,
    { kind: 'coordination-chat' },
    '✅ 已把本群设为协调群：超时升级和每周报告会发到这里。',
  );
}

function departmentNamed(scope: CommandScope, name: string): Department {
  const found = scope.org.departments.filter((d) => d.name === name || d.id === name);
  if (found.length === 1) return found[0] as Department;
  if (found.length > 1) {
    throw new DomainError(
      'setup.department_ambiguous',
      `有 ${found.length} 个部门叫「${name}」，请改用部门 id：${found.map((d) => d.id).join('、')}。`,
    );
  }
  throw new DomainError('setup.department_unknown', `没有叫「${name}」的部门。`);
}

async function setDepartmentField(
  scope: CommandScope,
  department: Department,
  field: 'liaisonId' | 'leaderId',
  personId: string,
): Promise<void> {
  const { directory } = scope.uow;
  await directory.lock(scope.tenantId);
  const row = (await directory.findDepartment(scope.tenantId, department.id)) as DepartmentRow;
  const merged = mergeFields(row, 'chat', { [field]: personId });
  const [held] = merged.heldBy;
  if (held) {
    const current = row.fields[field];
    throw new DomainError(
      'setup.held_by_org_file',
      `${department.name}的${field === 'liaisonId' ? '联络员' : '负责人'}由${SOURCE_LABELS[held.source]}指定` +
        `${current ? `（${nameOf(scope.org)(current)}）` : ''}，请在那里修改。`,
    );
  }
  await directory.saveDepartments(scope.tenantId, [
    { ...row, fields: merged.fields, fieldSources: merged.fieldSources },
  ]);
}

async function addRole(
  scope: CommandScope,
  personId: string,
  role: 'coordinator' | 'leadership',
): Promise<void> {
  await scope.uow.directory.addRole(scope.tenantId, personId, role, 'chat');
}

/** Logs the change (who, from which chat) and answers in the chat. */
async function confirm(scope: CommandScope, action: SetupAction, text: string): Promise<void> {
  await scope.uow.appendEvents(scope.tenantId, null, scope.platform, [
    {
      type: 'directory.setting_changed',
      nodeId: null,
      actorId: scope.sender.id,
      data: { ...action, chatId: scope.chatId },
    },
  ]);
  await replyText(scope, text);
}

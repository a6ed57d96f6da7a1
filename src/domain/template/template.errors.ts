import { DomainError } from '../shared/domain-error.js';

/** Errors of SOP templates: a bad template file, or a request that does not fill one. */
export const templateErrors = {
  invalid: (source: string, problems: readonly string[]) =>
    new DomainError('template.invalid', `流程模板 ${source} 有问题：\n  ${problems.join('\n  ')}`),
  duplicateName: (name: string, first: string, second: string) =>
    new DomainError(
      'template.duplicate_name',
      `流程模板「${first}」和「${second}」都叫「${name}」，请改掉其中一个的名称或别名。`,
    ),
  unknown: (name: string, available: string) =>
    new DomainError('template.unknown', `没有「${name}」这个流程。可用的流程：${available}。`),
  missingFields: (template: string, missing: readonly string[], usage: string) =>
    new DomainError('template.missing_fields', `流程「${template}」还缺：${missing.join('、')}。`, {
      usage,
    }),
  unknownFields: (template: string, unknown: readonly string[], known: string, usage: string) =>
    new DomainError(
      'template.unknown_fields',
      `流程「${template}」没有「${unknown.join('、')}」这一项，可以填：${known}。`,
      { usage },
    ),
  needsEventDate: (template: string, node: string) =>
    new DomainError(
      'template.needs_event_date',
      `流程「${template}」的节点「${node}」按活动日期计算截止时间，请填上活动日期。`,
    ),
  unknownDepartment: (ref: string) =>
    new DomainError(
      'template.unknown_department',
      `流程需要部门「${ref}」，但组织里没有这个部门。`,
    ),
  noLiaison: (department: string) =>
    new DomainError(
      'template.no_liaison',
      `${department}还没有联络员，无法分派流程节点。请管理员在组织文件里设置联络员。`,
    ),
  noLeader: (department: string) =>
    new DomainError(
      'template.no_leader',
      `${department}还没有设置负责领导，无法分派流程节点。请管理员在组织文件里设置。`,
    ),
  unknownPerson: (ref: string) =>
    new DomainError('template.unknown_person', `流程指定的负责人「${ref}」不在组织通讯录里。`),
};

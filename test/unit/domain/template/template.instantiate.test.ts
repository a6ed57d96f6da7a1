import { describe, expect, it } from 'vitest';
import { ladderFor, planNodePings } from '../../../../src/domain/escalation/ping-plan.policy.js';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';
import { createTask } from '../../../../src/domain/task/task.factory.js';
import { applyTaskAction } from '../../../../src/domain/task/task.state-machine.js';
import {
  type InstantiateContext,
  instantiateTemplate,
} from '../../../../src/domain/template/template.instantiate.js';
import { parseTemplate } from '../../../../src/domain/template/template.schema.js';
import { findTemplate } from '../../../../src/domain/template/template-catalog.models.js';
import { aNewTask, anOrg, calendar, ctx, nodeOf, sh, T0 } from '../builders.js';
import { aTemplateObject, shippedTemplates } from './template.fixtures.js';

const templates = shippedTemplates();

function context(fields: Record<string, string>, over: Partial<InstantiateContext> = {}) {
  let next = 0;
  return {
    fields,
    requesterId: 'zhengyi',
    org: anOrg(),
    now: T0,
    calendar,
    ids: () => `nod_${++next}`,
    ...over,
  };
}
const fill = (
  name: string,
  fields: Record<string, string>,
  over: Partial<InstantiateContext> = {},
) => instantiateTemplate(findTemplate(templates, name), context(fields, over));

describe('the procurement flow (seed 000, table 1)', () => {
  const draft = fill('采购', { 物品: '笔记本电脑', 数量: '3', 用途: '新员工' });

  it('takes its title, settings and fields from the request', () => {
    expect(draft).toMatchObject({
      title: '物资采购：笔记本电脑 × 3',
      priority: 'normal',
      onReject: 'sendback',
      eventDate: null,
      templateKey: 'procurement',
      ladder: null,
    });
    expect(draft.nodes[0]?.fields).toMatchObject({ 物品: '笔记本电脑', 数量: '3', 用途: '新员工' });
    expect(draft.nodes[1]?.fields).not.toHaveProperty('物品');
  });

  it('runs 需求提报 → 需求审核 → 采购执行 → 交付验收 → 付款结算 with the right people', () => {
    expect(
      draft.nodes.map((n) => [
        n.id,
        n.title,
        n.kind,
        n.owners.join('+'),
        n.signMode,
        n.departmentId,
      ]),
    ).toEqual([
      ['nod_1', '需求提报', 'action', 'zhengyi', 'all', 'business'],
      ['nod_2', '需求审核', 'approval', 'zhangsan', 'all', 'logistics'],
      ['nod_3', '采购执行', 'action', 'sunba', 'all', 'procurement'],
      ['nod_4', '交付验收', 'action', 'zhoujiu+zhengyi', 'all', 'warehouse'],
      ['nod_5', '付款结算', 'action', 'lisi', 'all', 'finance'],
    ]);
    expect(draft.nodes.every((n) => !n.parallel)).toBe(true);
  });

  it('carries the time limits of the table and the SOP', () => {
    expect(
      draft.nodes.map((n) => [
        n.deadline.text,
        n.deadline.kind === 'after-activation' ? n.deadline.duration : null,
      ]),
    ).toEqual([
      ['1个工作小时', { unit: 'workhours', hours: 1 }],
      ['2个工作小时', { unit: 'workhours', hours: 2 }],
      ['24小时内', { unit: 'ms', ms: 24 * 3_600_000 }],
      ['4个工作小时', { unit: 'workhours', hours: 4 }],
      ['3个工作日内', { unit: 'workdays', days: 3 }],
    ]);
    expect(draft.nodes.map((n) => n.responseLimit)).toEqual([
      null,
      null,
      { unit: 'workhours', hours: 2 },
      null,
      null,
    ]);
  });

  it('lists each node’s inputs and outputs', () => {
    expect(draft.nodes.map((n) => [n.fields.输入, n.fields.输出])).toEqual([
      ['物资需求明细表（规格、数量、用途）', '需求申请单'],
      ['需求申请单、库存台账', '审核结果（通过/驳回）'],
      ['审核通过的需求单、供应商名录', '采购订单、采购周期'],
      ['采购订单、送货单', '验收报告'],
      ['验收报告、发票', '付款凭证'],
    ]);
    expect(draft.nodes[3]?.fields.说明).toMatch(/到货前请 \/挂起/);
  });

  it('becomes a task whose first node is due an hour of work later, with pings planned', () => {
    const { task } = createTask(
      { ...aNewTask(), title: draft.title, templateKey: draft.templateKey, nodes: draft.nodes },
      ctx('zhengyi'),
    );
    expect(task.nodes[0]).toMatchObject({ status: 'active', dueAt: sh('2026-11-23T11:00') });
    const ladder = ladderFor(task, anOrg(), draft.ladder);
    const pings = planNodePings({ task, node: nodeOf(task, 'nod_1'), ladder, calendar, now: T0 });
    expect(pings.map((p) => p.id)).toContain('escalate-nod_1-v1-1');
  });

  it('交付验收 needs both the warehouse and the requester (会签)', () => {
    let { task } = createTask({ ...aNewTask(), nodes: draft.nodes }, ctx('zhengyi'));
    for (const [who, id] of [
      ['zhengyi', 'nod_1'],
      ['zhangsan', 'nod_2'],
      ['sunba', 'nod_3'],
      ['zhoujiu', 'nod_4'],
    ] as const) {
      const type = id === 'nod_2' ? 'approve' : 'complete';
      task = applyTaskAction(task, { type, nodeId: id, note: null }, ctx(who)).task;
    }
    expect(task.nodes[3]?.status).toBe('active');
    task = applyTaskAction(
      task,
      { type: 'complete', nodeId: 'nod_4', note: null },
      ctx('zhengyi'),
    ).task;
    expect(task.nodes.map((n) => n.status)).toEqual(['done', 'approved', 'done', 'done', 'active']);
  });
});

describe('the other built-in flows', () => {
  it('event preparation: deadlines hang on the event date, departments work side by side', () => {
    const draft = fill('活动筹备', { 活动名称: '年会', 活动日期: '2026-12-20' });
    expect(draft.eventDate).toBe('2026-12-20');
    expect(draft.title).toBe('活动筹备：年会');
    expect(
      draft.nodes.map((n) => [
        n.title,
        n.owners[0],
        n.deadline.kind === 'event-relative' && n.deadline.offsetDays,
        n.parallel,
      ]),
    ).toEqual([
      ['确认菜单', 'chenshisan', -3, false],
      ['场地布置', 'zhangsan', -2, true],
      ['安保部署', 'fengshier', -1, true],
    ]);
  });

  it('event preparation understands a Chinese date', () => {
    expect(fill('活动', { 活动名称: '年会', 活动日期: '12月20日' }).eventDate).toBe('2026-12-20');
  });

  it('equipment repair: admin, then finance approves, then the using department', () => {
    const draft = fill('设备维修', { 设备: '办公室空调', 使用部门: '业务部' });
    expect(draft.title).toBe('设备维修：办公室空调');
    expect(draft.nodes.map((n) => [n.title, n.kind, n.owners[0], n.departmentId])).toEqual([
      ['协调供应商', 'action', 'wushi', 'admin'],
      ['费用审批', 'approval', 'lisi', 'finance'],
      ['现场配合', 'action', 'zhengyi', 'business'],
    ]);
    expect(draft.onReject).toBe('sendback');
  });

  it('incident: urgent, on-site and logistics in parallel, each to respond in 10 minutes', () => {
    const draft = fill('突发事件', { 事件: '仓库漏水' });
    expect(draft).toMatchObject({ priority: 'urgent', title: '【突发】仓库漏水' });
    expect(draft.nodes.map((n) => [n.title, n.parallel, n.responseLimit])).toEqual([
      ['现场处置', false, { unit: 'ms', ms: 600_000 }],
      ['后勤保障', true, { unit: 'ms', ms: 600_000 }],
      ['事件复盘', false, null],
    ]);
  });

  it('a template ladder comes along with the draft', () => {
    const template = parseTemplate(
      aTemplateObject({ escalation: { levels: [{ after: '1h', notify: ['coordination'] }] } }),
    );
    const draft = instantiateTemplate(template, context({ 事项: 'x' }));
    expect(draft.ladder?.levels).toEqual([
      { after: { unit: 'ms', ms: 3_600_000 }, notify: ['coordination'] },
    ]);
  });
});

describe('instantiateTemplate refusals', () => {
  const optionalEvent = parseTemplate(
    aTemplateObject({
      fields: [
        { name: '事项', required: true },
        { name: '日期', eventDate: true },
      ],
      nodes: [{ title: '准备', owner: 'requester', deadline: '活动前1天' }],
    }),
  );
  it.each<[string, () => unknown, string, RegExp]>([
    [
      'missing fields, with the right usage',
      () => fill('采购', { 物品: '笔' }),
      'template.missing_fields',
      /^流程「物资采购」还缺：数量。$/,
    ],
    [
      'a blank field counts as missing',
      () => fill('采购', { 物品: '笔', 数量: '  ' }),
      'template.missing_fields',
      /还缺：数量/,
    ],
    [
      'an unknown field',
      () => fill('采购', { 物品: '笔', 数量: '1', 颜色: '红' }),
      'template.unknown_fields',
      /流程「物资采购」没有「颜色」这一项，可以填：物品、数量、规格、用途、到货时间/,
    ],
    [
      'an event date that is no date',
      () => fill('活动', { 活动名称: 'x', 活动日期: '下周吧' }),
      'event_date.unreadable',
      /活动日期「下周吧」要写成具体日期/,
    ],
    [
      'an event date that is a span',
      () => fill('活动', { 活动名称: 'x', 活动日期: '3天内' }),
      'event_date.unreadable',
      /活动日期「3天内」/,
    ],
    [
      'an event date in the past',
      () => fill('活动', { 活动名称: 'x', 活动日期: '2025-01-01' }),
      'event_date.in_past',
      /活动日期「2025-01-01」是 2025年1月1日，已经过去了。这是活动举行的日期/,
    ],
    [
      'an event-relative node without the event date',
      () => instantiateTemplate(optionalEvent, context({ 事项: 'x' })),
      'template.needs_event_date',
      /节点「准备」按活动日期计算截止时间，请填上活动日期/,
    ],
    [
      'a department the org does not have',
      () =>
        fill(
          '活动',
          { 活动名称: 'x', 活动日期: '2026-12-20' },
          { org: anOrg({ departments: anOrg().departments.filter((d) => d.id !== 'catering') }) },
        ),
      'template.unknown_department',
      /部门「catering」/,
    ],
    [
      'a using department nobody knows',
      () => fill('维修', { 设备: '空调', 使用部门: '火星部' }),
      'template.unknown_department',
      /部门「火星部」/,
    ],
    [
      'a department without liaison',
      () => fill('维修', { 设备: '空调', 使用部门: '人力部' }),
      'template.no_liaison',
      /人力部还没有联络员/,
    ],
  ])('%s', (_name, act, code, message) => {
    let error: unknown;
    try {
      act();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect((error as DomainError).userMessage).toMatch(message);
  });
});

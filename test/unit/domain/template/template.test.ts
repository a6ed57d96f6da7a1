import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../../src/domain/calendar/business-calendar.js';
import { parseDeadline } from '../../../../src/domain/deadline/deadline.parser.js';
import type { Org } from '../../../../src/domain/org/org.types.js';
import {
  findTemplate,
  instantiateTemplate,
} from '../../../../src/domain/template/template.instantiate.js';
import { parseTemplate } from '../../../../src/domain/template/template.schema.js';
import { TEMPLATES_DIR } from '../../../../src/infra/project-paths.js';
import { readTemplates } from '../../../../src/infra/template/template-files.js';

const templates = readTemplates(TEMPLATES_DIR);
const person = (id: string, departmentId: string) => ({
  id,
  name: id,
  departmentId,
  wecomUserId: null,
  dingtalkUserId: null,
  active: true,
});
const org: Org = {
  calendar: {
    timezone: 'Asia/Shanghai',
    workStartMinute: 540,
    workEndMinute: 1080,
    holidays: 'cn',
    extraHolidays: [],
    extraWorkdays: [],
  },
  departments: [
    { id: 'logistics', name: '后勤部', liaisonId: 'zhangsan', leaderId: 'wangwu' },
    { id: 'procurement', name: '采购部', liaisonId: 'sunba', leaderId: null },
    { id: 'warehouse', name: '仓储部', liaisonId: 'zhoujiu', leaderId: null },
    { id: 'finance', name: '财务部', liaisonId: 'lisi', leaderId: null },
    { id: 'admin', name: '行政部', liaisonId: 'wushi', leaderId: null },
    { id: 'catering', name: '餐饮部', liaisonId: 'chenshisan', leaderId: null },
    { id: 'security', name: '安保部', liaisonId: 'fengshier', leaderId: null },
    { id: 'business', name: '业务部', liaisonId: null, leaderId: null },
  ],
  people: [person('zhengyi', 'business'), person('zhangsan', 'logistics')],
  coordination: { chats: [], coordinators: [], leadership: [] },
  escalation: {
    normal: { remindBefore: [], levels: [] },
    urgent: { remindBefore: [], levels: [] },
  },
};
const fill = (name: string, fields: Record<string, string>) =>
  instantiateTemplate(findTemplate(templates, name), {
    fields,
    requesterId: 'zhengyi',
    requesterDepartmentId: 'business',
    org,
  });

describe('SOP templates', () => {
  it('ships the four built-in flows, each found by key, name and alias', () => {
    expect(templates.map((t) => t.key).sort()).toEqual([
      'equipment-repair',
      'event-prep',
      'incident',
      'procurement',
    ]);
    for (const name of [
      '采购',
      'procurement',
      '物资采购',
      '活动筹备',
      '设备维修',
      '报修',
      '突发事件',
      'INCIDENT',
    ]) {
      expect(() => findTemplate(templates, name)).not.toThrow();
    }
    expect(() => findTemplate(templates, '团建')).toThrow(/没有「团建」这个流程。可用的流程：/);
  });

  it('every template deadline parses', () => {
    const calendar = createBusinessCalendar(org.calendar);
    for (const node of templates.flatMap((t) => t.nodes)) {
      expect(() =>
        parseDeadline(node.deadline, { now: new Date('2026-11-23T02:00:00Z'), calendar }),
      ).not.toThrow();
    }
  });

  it('fills the procurement flow of seed 000 table 1', () => {
    const draft = fill('采购', { 物品: '笔记本电脑', 数量: '3' });
    expect(draft.title).toBe('物资采购：笔记本电脑 × 3');
    expect(
      draft.nodes.map((n) => [n.title, n.ownerId, n.kind, n.deadlineText, n.parallel]),
    ).toEqual([
      ['需求提报', 'zhengyi', 'action', '2小时内', false],
      ['需求审核', 'zhangsan', 'approval', '2小时内', false],
      ['采购执行', 'sunba', 'action', '24小时内', false],
      ['交付验收', 'zhoujiu', 'action', '4小时内', false],
      ['业务部门验收', 'zhengyi', 'action', '4小时内', true],
      ['付款结算', 'lisi', 'action', '3个工作日内', false],
    ]);
    expect(draft.nodes[1]?.responseLimit).toEqual({ unit: 'ms', ms: 7_200_000 });
    expect(draft.nodes[2]?.fields).toEqual({
      输入: '审核通过的需求单、供应商名录',
      输出: '采购订单、采购周期',
    });
  });

  it('takes the event date and department from fields', () => {
    expect(fill('活动筹备', { 活动名称: '年会', 活动日期: '2026-12-20' })).toMatchObject({
      title: '活动筹备：年会',
      eventDateText: '2026-12-20',
    });
    expect(fill('设备维修', { 设备: '空调', 使用部门: '后勤部' }).nodes[2]).toMatchObject({
      title: '现场配合',
      ownerId: 'zhangsan',
    });
    expect(fill('突发事件', { 事件: '停电' }).priority).toBe('urgent');
  });

  it.each([
    ['采购', { 物品: '纸' }, /还缺：数量/],
    ['设备维修', { 设备: '空调', 使用部门: '市场部' }, /没有这个部门/],
  ])('refuses %s with %o', (name, fields, message) => {
    expect(() => fill(name, fields)).toThrow(message);
  });

  it('refuses a malformed template with every problem', () => {
    expect(() =>
      parseTemplate(
        {
          key: 'Bad Key',
          name: 'x',
          title: 't',
          nodes: [{ title: 'a', owner: 'boss', deadline: '1h', respondWithin: 'soon' }],
        },
        'x.yaml',
      ),
    ).toThrow(/key[\s\S]*owner[\s\S]*respondWithin/);
  });
});

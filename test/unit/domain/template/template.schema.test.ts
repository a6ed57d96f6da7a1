import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';
import { parseTemplate } from '../../../../src/domain/template/template.schema.js';
import { aTemplateObject } from './template.fixtures.js';

const node = (over: Record<string, unknown>) => ({
  title: '处理',
  owner: 'dept:logistics',
  deadline: '2小时内',
  ...over,
});

describe('parseTemplate: valid templates', () => {
  it('fills the defaults', () => {
    const t = parseTemplate(aTemplateObject());
    expect(t).toMatchObject({ priority: 'normal', onReject: 'sendback' });
    expect(t.escalation).toBeUndefined();
    expect(t.fields[0]).toEqual({
      name: '事项',
      required: true,
      eventDate: false,
      department: false,
    });
    expect(t.nodes[0]).toEqual({
      title: '处理',
      owners: ['dept:logistics'],
      signMode: 'all',
      kind: 'action',
      deadline: '2个工作小时',
      parallel: false,
      inputs: [],
      outputs: [],
    });
  });

  it.each<
    [string, Record<string, unknown>, (t: ReturnType<typeof parseTemplate>) => unknown, unknown]
  >([
    [
      'several owners with 或签',
      {
        nodes: [
          node({ owner: undefined, owners: ['dept:warehouse', 'requester'], signMode: 'any' }),
        ],
      },
      (t) => [t.nodes[0]?.owners, t.nodes[0]?.signMode],
      [['dept:warehouse', 'requester'], 'any'],
    ],
    [
      'a response limit in working hours',
      { nodes: [node({ respondWithin: '2wh' })] },
      (t) => t.nodes[0]?.respondWithin,
      { unit: 'workhours', hours: 2 },
    ],
    [
      'a response limit of 10 minutes',
      { nodes: [node({ respondWithin: '10m' })] },
      (t) => t.nodes[0]?.respondWithin,
      { unit: 'ms', ms: 600_000 },
    ],
    [
      'a note for the owners',
      { nodes: [node({ note: '到货后恢复' })] },
      (t) => t.nodes[0]?.note,
      '到货后恢复',
    ],
    [
      'urgent, closing on rejection',
      { priority: 'urgent', onReject: 'close' },
      (t) => [t.priority, t.onReject],
      ['urgent', 'close'],
    ],
    [
      'its own ladder, in the org-file syntax',
      {
        escalation: {
          remindBefore: ['50%', '1h'],
          levels: [
            { after: 0, notify: ['owner'] },
            { after: '1wd', notify: ['coordination', 'leadership'] },
          ],
        },
      },
      (t) => t.escalation,
      {
        remindBefore: [
          { kind: 'share', share: 0.5 },
          { kind: 'before', duration: { unit: 'ms', ms: 3_600_000 } },
        ],
        levels: [
          { after: { unit: 'ms', ms: 0 }, notify: ['owner'] },
          { after: { unit: 'workdays', days: 1 }, notify: ['coordination', 'leadership'] },
        ],
      },
    ],
    [
      'a field: owner naming a department field',
      {
        fields: [{ name: '事项' }, { name: '部门', department: true }],
        nodes: [node({ owner: 'field:部门' })],
      },
      (t) => t.nodes[0]?.owners,
      ['field:部门'],
    ],
    [
      'every role kind',
      {
        nodes: ['requester', 'dept:x', 'liaison:x', 'leader:x', 'person:zhangsan'].map((owner) =>
          node({ owner }),
        ),
      },
      (t) => t.nodes.length,
      5,
    ],
  ])('%s', (_name, over, pick, expected) => {
    expect(pick(parseTemplate(aTemplateObject(over)))).toEqual(expected);
  });
});

describe('parseTemplate: problems are listed with their path', () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a key with capitals', { key: 'Demo' }, /key: /],
    ['no nodes', { nodes: [] }, /nodes: /],
    ['an unknown property', { colour: 'red' }, /\(root\): .*colour/],
    ['an unknown node property', { nodes: [node({ due: 'x' })] }, /nodes\.0: .*due/],
    [
      'a node without owner',
      { nodes: [node({ owner: undefined })] },
      /nodes\.0: 每个节点要写 owner（一位）或 owners（多位），二选一/,
    ],
    ['a node with owner and owners', { nodes: [node({ owners: ['requester'] })] }, /二选一/],
    [
      'a badly written owner',
      { nodes: [node({ owner: 'finance' })] },
      /nodes\.0\.owner: 负责人要写成/,
    ],
    ['a bad sign mode', { nodes: [node({ signMode: 'some' })] }, /nodes\.0\.signMode/],
    [
      'a bad response limit',
      { nodes: [node({ respondWithin: '2 hours' })] },
      /nodes\.0\.respondWithin: 时长「2 hours」看不懂/,
    ],
    [
      'a share of 100%',
      { escalation: { levels: [{ after: '0', notify: ['owner'] }], remindBefore: ['100%'] } },
      /escalation\.remindBefore\.0: 提醒比例「100%」要在 0% 到 100% 之间/,
    ],
    ['a ladder without levels', { escalation: { levels: [] } }, /escalation\.levels/],
    [
      'an unknown notify target',
      { escalation: { levels: [{ after: '0', notify: ['boss'] }] } },
      /escalation\.levels\.0\.notify\.0/,
    ],
    [
      'two event date fields',
      {
        fields: [
          { name: 'a', eventDate: true },
          { name: 'b', eventDate: true },
        ],
      },
      /fields: 最多只能有一个活动日期字段/,
    ],
    [
      'a title naming an undeclared field',
      { title: '演示：{物品}' },
      /title: 标题用到的字段「物品」没有在 fields 里声明/,
    ],
    [
      'a field: owner on a field that is no department',
      { nodes: [node({ owner: 'field:事项' })] },
      /nodes\.0\.owners: 「field:事项」要对应一个 department: true 的字段/,
    ],
  ])('%s', (_name, over, message) => {
    let error: unknown;
    try {
      parseTemplate(aTemplateObject(over), 'demo.yaml');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('template.invalid');
    expect((error as DomainError).userMessage).toMatch(/^流程模板 demo\.yaml 有问题：/);
    expect((error as DomainError).userMessage).toMatch(message);
  });

  it('lists every problem at once', () => {
    expect(() => parseTemplate(aTemplateObject({ key: 'X', title: '' }))).toThrow(
      /key: [\s\S]*title: /,
    );
  });

  it('refuses something that is not a template at all', () => {
    expect(() => parseTemplate('hello')).toThrow(/流程模板 \(template\) 有问题/);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeButtonKey, encodeButtonKey } from '../../../../adapters/wecom/render/button-key.js';
import { wecomTaskId } from '../../../../adapters/wecom/render/task-id.js';
import { TEMPLATE_CARD_LIMITS as L } from '../../../../adapters/wecom/render/template-card.limits.js';
import { renderTemplateCard } from '../../../../adapters/wecom/render/template-card.render.js';
import type { Card, CardAction, CardStep, CardStepState } from '../../../../cards/card.types.js';

const step = (n: number, state: CardStepState): CardStep => ({
  ref: `#7.${n}`,
  title: `节点${n}`,
  owners: '张三',
  deadline: '明天 18:00',
  parallelWith: [],
  details: null,
  state,
  stateText: state,
});

const action = (n: number, label = `完成 #7.${n}`): CardAction => ({
  actionId: 'node.done',
  label,
  style: 'primary',
  value: { taskId: 'tsk_7', nodeId: `nod_${n}` },
  command: `/完成 #7.${n}`,
});

const base: Card = {
  key: 'task-tsk_7',
  tone: 'info',
  title: '#7 办公室空调维修',
  subtitle: '发起人：郑一 · 进行中',
  fields: [{ label: '抄送', value: '王五' }],
  steps: [step(1, 'done'), step(2, 'active')],
  note: null,
  actions: [action(2)],
  link: { label: '在控制台查看', url: 'http://baton.test/tasks/tsk_7' },
  mentions: [],
};

const chars = (s: string) => Array.from(s).length;

describe('renderTemplateCard', () => {
  it('renders a short task completely, fields first, steps in order, link and buttons', () => {
    const out = renderTemplateCard(base, 'task-tsk_7');
    expect(out).toMatchObject({
      card_type: 'button_interaction',
      task_id: 'task-tsk_7',
      main_title: { title: '#7 办公室空调维修', desc: '发起人：郑一 · 进行中' },
      jump_list: [{ type: 1, title: '在控制台查看', url: 'http://baton.test/tasks/tsk_7' }],
      card_action: { type: 1, url: 'http://baton.test/tasks/tsk_7' },
    });
    expect(out.horizontal_content_list.map((r) => r.keyname)).toEqual(['抄送', '#7.1', '#7.2']);
    expect(out.sub_title_text).toBeUndefined();
    expect(out.button_list).toEqual([
      { type: 0, text: '完成 #7.2', style: 1, key: encodeButtonKey(action(2), 0) },
    ]);
  });

  it.each([
    {
      name: 'late and active steps come first when steps overflow',
      steps: [
        step(1, 'done'),
        step(2, 'done'),
        step(3, 'pending'),
        step(4, 'pending'),
        step(5, 'active'),
        step(6, 'pending'),
        step(7, 'late'),
        step(8, 'skipped'),
      ],
      shown: ['#7.7', '#7.5', '#7.3', '#7.4', '#7.6', '#7.1'],
      hidden: 2,
    },
    {
      name: 'exactly six steps plus a field drops the field into the sub title',
      steps: [1, 2, 3, 4, 5, 6].map((n) => step(n, 'pending')),
      shown: ['#7.1', '#7.2', '#7.3', '#7.4', '#7.5', '#7.6'],
      hidden: 0,
    },
  ])('$name', ({ steps, shown, hidden }) => {
    const out = renderTemplateCard({ ...base, steps }, 't');
    expect(out.horizontal_content_list).toHaveLength(L.horizontalRows);
    expect(out.horizontal_content_list.map((r) => r.keyname)).toEqual(shown);
    expect(out.sub_title_text).toContain('抄送：王五');
    if (hidden > 0) {
      expect(out.sub_title_text).toContain(`另有 ${hidden} 个节点未显示`);
      expect(out.jump_list?.[0]?.title).toBe('查看全部');
    } else {
      expect(out.jump_list?.[0]?.title).toBe('在控制台查看');
    }
  });

  it.each([
    {
      what: 'title',
      card: { title: '标'.repeat(40) },
      get: (o: Out) => o.main_title.title,
      max: L.mainTitle,
    },
    {
      what: 'title desc',
      card: { subtitle: '副'.repeat(40) },
      get: (o: Out) => o.main_title.desc ?? '',
      max: L.mainTitleDesc,
    },
    {
      what: 'sub title',
      card: { note: '备'.repeat(300) },
      get: (o: Out) => o.sub_title_text ?? '',
      max: L.subTitleText,
    },
    {
      what: 'row key',
      card: { fields: [{ label: '很长很长的标签', value: 'x' }] },
      get: (o: Out) => o.horizontal_content_list[0]?.keyname ?? '',
      max: L.horizontalKey,
    },
    {
      what: 'row value',
      card: { fields: [{ label: 'a', value: '值'.repeat(50) }] },
      get: (o: Out) => o.horizontal_content_list[0]?.value ?? '',
      max: L.horizontalValue,
    },
    {
      what: 'button text',
      card: { actions: [action(2, '一个非常非常长的按钮文案')] },
      get: (o: Out) => o.button_list[0]?.text ?? '',
      max: L.buttonText,
    },
  ])('cuts the $what to $max characters', ({ card, get, max }) => {
    const text = get(renderTemplateCard({ ...base, ...card }, 't'));
    expect(chars(text)).toBe(max);
    expect(text.endsWith('…')).toBe(true);
  });

  it('says under the title which steps run at the same time and what open ones take and give', () => {
    const steps: CardStep[] = [
      step(1, 'done'),
      { ...step(2, 'active'), parallelWith: ['#7.3'], details: '输入：报价单' },
      { ...step(3, 'active'), parallelWith: ['#7.2'] },
      step(4, 'pending'),
    ];
    const out = renderTemplateCard({ ...base, note: '请尽快', steps }, 't');
    expect(out.sub_title_text).toBe('请尽快\n#7.2、#7.3 同时进行\n#7.2 输入：报价单');
  });

  it('keeps at most six buttons, each with a unique key that decodes to its action', () => {
    const actions = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => action(n));
    actions.push(action(1));
    const out = renderTemplateCard({ ...base, actions }, 't');
    expect(out.button_list).toHaveLength(L.buttons);
    const keys = out.button_list.map((b) => b.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.map(decodeButtonKey)).toEqual(
      actions.slice(0, 6).map((a) => ({ actionId: a.actionId, value: a.value })),
    );
  });

  it('maps tone and button styles', () => {
    const danger = renderTemplateCard(
      { ...base, tone: 'danger', actions: [{ ...action(1), style: 'danger' }] },
      't',
    );
    expect(danger.source.desc_color).toBe(2);
    expect(danger.button_list[0]?.style).toBe(3);
    expect(renderTemplateCard({ ...base, tone: 'success' }, 't').source.desc_color).toBe(3);
  });

  it('omits the link parts when the card has no link', () => {
    const out = renderTemplateCard({ ...base, link: null }, 't');
    expect(out.jump_list).toBeUndefined();
    expect(out.card_action).toBeUndefined();
  });
});

type Out = ReturnType<typeof renderTemplateCard>;

describe('wecomTaskId', () => {
  it.each([
    { key: 'task-tsk_8f3', suffix: undefined, expected: 'task-tsk_8f3' },
    { key: 'task-tsk_8f3', suffix: 'r2', expected: 'task-tsk_8f3@r2' },
    { key: 'task:任务/1', suffix: undefined, expected: 'task____1' },
  ])('$key + $suffix → $expected', ({ key, suffix, expected }) => {
    expect(wecomTaskId(key, suffix)).toBe(expected);
  });

  it('stays within 128 bytes and keeps the unique suffix', () => {
    const id = wecomTaskId('k'.repeat(300), 'abc');
    expect(id).toHaveLength(L.taskIdBytes);
    expect(id.endsWith('@abc')).toBe(true);
    expect(id).toMatch(/^[0-9A-Za-z_\-@]+$/);
  });
});

describe('button keys', () => {
  it('refuses a key over 1024 bytes', () => {
    expect(() => encodeButtonKey({ ...action(1), value: { x: 'v'.repeat(1100) } }, 0)).toThrow(
      RangeError,
    );
  });

  it.each(['', 'btn_done', 'taskId=1'])('does not decode foreign key %j', (key) => {
    expect(decodeButtonKey(key)).toBeNull();
  });
});

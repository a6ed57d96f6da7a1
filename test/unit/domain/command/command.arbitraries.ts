import fc from 'fast-check';
import type {
  ActionItemDraft,
  Command,
  CommandKind,
  NodeDraft,
  NodeRef,
  RatingScore,
  ReportPeriod,
  SetupAction,
  TaskRef,
  WholeTaskRef,
} from '../../../../src/domain/command/command.types.js';
import { COMMAND_NAMES } from '../../../../src/domain/command/command-names.js';

/** Words that carry no syntax: no keywords, markers, separators or leading digits. */
const WORDS = [
  '修空调',
  '供应商',
  '报价',
  '核对',
  '采购',
  '笔记本',
  '会议室',
  '打印纸',
  'laptop',
  'chair',
  'A4',
  '确认场地',
  '发通知',
  '已处理',
];
const NAMES = ['张三', '李四', '王五', '财务部', 'IT部', 'zhang.san', '迪丽热巴·迪力木拉提', 'Li'];
const DEADLINES = [
  '明天18:00',
  '周五前',
  '2小时内',
  '3个工作日内',
  '活动前3天',
  '下周一 上午',
  '11月30日 15:00',
  'T-1',
];

export const text = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 })
  .map((words) => words.join(' '));
const note = fc.option(text, { nil: null });
const name = fc.constantFrom(...NAMES);
const people = fc.uniqueArray(name, { minLength: 1, maxLength: 3 });
const deadline = fc.option(fc.constantFrom(...DEADLINES), { nil: null });

const taskNumber = fc.integer({ min: 1, max: 999_999_999 });
const nodeNumber = fc.integer({ min: 1, max: 999 });
const wholeTask: fc.Arbitrary<WholeTaskRef> = taskNumber.map((task) => ({ task, node: null }));
const nodeRef: fc.Arbitrary<NodeRef> = fc.record({ task: taskNumber, node: nodeNumber });
const ref: fc.Arbitrary<TaskRef> = fc.oneof(wholeTask, nodeRef);
const optionalRef = fc.option(ref, { nil: null });

const itemDraft: fc.Arbitrary<ActionItemDraft> = fc.record({
  title: text,
  owners: people,
  signMode: fc.constantFrom('all' as const, 'any' as const),
  kind: fc.constantFrom('action' as const, 'approval' as const),
  deadlineText: deadline,
});
const nodeDraft: fc.Arbitrary<NodeDraft> = fc
  .tuple(itemDraft, fc.boolean())
  .map(([item, parallel]) => ({ ...item, parallel }));

const period: fc.Arbitrary<ReportPeriod> = fc.oneof(
  fc.constantFrom<ReportPeriod>(
    { kind: 'this-week' },
    { kind: 'last-week' },
    { kind: 'this-month' },
    { kind: 'last-month' },
  ),
  fc.record({
    kind: fc.constant('range' as const),
    fromText: fc.constantFrom('2026-11-01', '11月1日'),
    toText: fc.constantFrom('2026-11-30', '11月30日'),
  }),
);

const department = fc.constantFrom('后勤部', '财务部', 'IT部');
const setupAction: fc.Arbitrary<SetupAction> = fc.oneof(
  fc.constant<SetupAction>({ kind: 'show' }),
  fc.constant<SetupAction>({ kind: 'coordination-chat' }),
  fc.record({ kind: fc.constant('liaison' as const), person: name, department }),
  fc.record({ kind: fc.constant('coordinators' as const), people }),
  fc.record({
    kind: fc.constant('leader' as const),
    person: name,
    department: fc.option(department, { nil: null }),
  }),
);

const fields = fc
  .uniqueArray(fc.constantFrom('物品', '数量', '备注', '活动日期', 'item'), { maxLength: 5 })
  .chain((keys) =>
    fc.tuple(
      ...keys.map((key) =>
        fc.tuple(
          fc.constant(key),
          fc.constantFrom('笔记本电脑', '3', 'A4 白色', '14:00', '说"好"'),
        ),
      ),
    ),
  )
  .map((entries) => Object.fromEntries(entries));

/** Commands as the parser produces them from well-formed text. */
export const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('create-task' as const),
    title: text,
    urgent: fc.boolean(),
    eventDateText: fc.option(fc.constantFrom('2026-12-20', '12月20日', '12月20日 19:00'), {
      nil: null,
    }),
    nodes: fc
      .array(nodeDraft, { minLength: 1, maxLength: 5 })
      .map(([first, ...rest]) => [{ ...(first as NodeDraft), parallel: false }, ...rest]),
  }),
  fc.record({
    kind: fc.constant('start-flow' as const),
    template: fc.constantFrom('采购', '活动筹备', '设备维修'),
    urgent: fc.boolean(),
    fields,
  }),
  fc.record({
    kind: fc.constant('minutes' as const),
    title: text,
    items: fc.array(itemDraft, { minLength: 1, maxLength: 4 }),
    notes: fc.array(text, { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('status' as const), ref: optionalRef }),
  fc.constant({ kind: 'my' as const }),
  fc.record({
    kind: fc.constantFrom(
      'ack' as const,
      'done' as const,
      'approve' as const,
      'nudge' as const,
      'resume' as const,
    ),
    ref: optionalRef,
    note,
  }),
  fc.record({
    kind: fc.constantFrom('reject' as const, 'pause' as const),
    ref: optionalRef,
    reason: text,
  }),
  fc.record({ kind: fc.constant('escalate' as const), ref, reason: text }),
  fc.record({ kind: fc.constant('sendback' as const), ref: nodeRef, reason: text }),
  fc.record({ kind: fc.constant('transfer' as const), ref: optionalRef, to: name, reason: text }),
  fc.record({ kind: fc.constant('addsign' as const), ref: optionalRef, people, note }),
  fc.record({ kind: fc.constant('cc' as const), ref: wholeTask, people, note }),
  fc.record({
    kind: fc.constant('extend' as const),
    ref: optionalRef,
    deadlineText: fc.constantFrom(...DEADLINES),
    reason: text,
  }),
  fc.record({ kind: fc.constant('cancel' as const), ref: wholeTask, reason: note }),
  fc.record({ kind: fc.constant('report' as const), period }),
  fc.record({
    kind: fc.constant('help' as const),
    topic: fc.option(fc.constantFrom(...(Object.keys(COMMAND_NAMES) as CommandKind[])), {
      nil: null,
    }),
  }),
  fc.record({ kind: fc.constant('setup' as const), action: setupAction }),
  fc.record({
    kind: fc.constant('rate' as const),
    ref: wholeTask,
    score: fc.constantFrom<RatingScore>(1, 2, 3, 4, 5),
    comment: note,
  }),
);

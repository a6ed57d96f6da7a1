import { createBusinessCalendar } from '../../../src/domain/calendar/business-calendar.js';
import type { CalendarConfig } from '../../../src/domain/calendar/calendar.types.js';
import type { DeadlineSpec } from '../../../src/domain/deadline/deadline.types.js';
import type { EscalationLadder, Org, Person } from '../../../src/domain/org/org.types.js';
import type {
  Actor,
  TaskAction,
  TaskContext,
  TransitionResult,
} from '../../../src/domain/task/task.effects.js';
import { createTask, type NewNode, type NewTask } from '../../../src/domain/task/task.factory.js';
import { applyTaskAction } from '../../../src/domain/task/task.state-machine.js';
import type { Task, TaskNode } from '../../../src/domain/task/task.types.js';

export const calendarConfig: CalendarConfig = {
  timezone: 'Asia/Shanghai',
  workStartMinute: 540,
  workEndMinute: 1080,
  holidays: 'cn',
  extraHolidays: [],
  extraWorkdays: [],
  officialSchedules: [],
};
export const calendar = createBusinessCalendar(calendarConfig);

/** Shanghai wall-clock time as an instant: `sh('2026-11-23T10:00')`. */
export const sh = (local: string) => new Date(`${local}+08:00`);
/** Monday 2026-11-23 10:00 in Shanghai. */
export const T0 = sh('2026-11-23T10:00');
export const hours = (n: number) => n * 3_600_000;
export const at = (ms: number) => new Date(T0.getTime() + ms);

export const NAMES: Record<string, string> = {
  zhengyi: '郑一',
  zhangsan: '张三',
  lisi: '李四',
  wangwu: '王五',
  zhaoliu: '赵六',
  qianqi: '钱七',
  admin: '管理员',
  outsider: '路人',
};

/** 赵六 coordinates; `admin` administers; everyone else is an ordinary person. */
export const person = (personId: string): Actor => ({
  personId,
  isCoordinator: personId === 'zhaoliu',
  isAdmin: personId === 'admin',
});

export function ctx(actor: string | null, now: Date = T0): TaskContext {
  return {
    now,
    actor: actor === null ? null : person(actor),
    calendar,
    nameOf: (id) => NAMES[id] ?? id,
  };
}

export const within = (h: number): DeadlineSpec => ({
  kind: 'after-activation',
  duration: { unit: 'ms', ms: hours(h) },
  text: `${h}小时内`,
});

export const workHoursWithin = (h: number): DeadlineSpec => ({
  kind: 'after-activation',
  duration: { unit: 'workhours', hours: h },
  text: `${h}个工作小时`,
});

export function aNode(over: Partial<NewNode> & { id: string }): NewNode {
  return {
    title: `节点 ${over.id}`,
    kind: 'action',
    signMode: 'all',
    owners: ['zhangsan'],
    departmentId: null,
    deadline: within(4),
    responseLimit: null,
    fields: {},
    parallel: false,
    ...over,
  };
}

/** #12: n1 (张三, action) → n2 (李四, approval) ∥ n3 (王五, action) → n4 (钱七, action); by 郑一. */
export function aNewTask(over: Partial<NewTask> = {}): NewTask {
  return {
    id: 'tsk_1',
    tenantId: 'default',
    number: 12,
    title: '办公室空调维修',
    creatorId: 'zhengyi',
    origin: { platform: 'sim', chatId: 'g1' },
    priority: 'normal',
    eventDate: null,
    templateKey: null,
    onReject: 'sendback',
    followers: [],
    nodes: [
      aNode({ id: 'n1', owners: ['zhangsan'] }),
      aNode({ id: 'n2', owners: ['lisi'], kind: 'approval' }),
      aNode({ id: 'n3', owners: ['wangwu'], parallel: true }),
      aNode({ id: 'n4', owners: ['qianqi'] }),
    ],
    ...over,
  };
}

/** A task just created at {@link T0} (its first group active). */
export function aTask(over: Partial<NewTask> = {}): Task {
  return createTask(aNewTask(over), ctx('zhengyi')).task;
}

/** Applies actions in turn, each by its actor (null: the scheduler), returning the last result. */
export function run(
  task: Task,
  steps: readonly [string | null, TaskAction, Date?][],
): TransitionResult {
  let result: TransitionResult = { task, events: [], effects: [] };
  for (const [actor, action, now] of steps)
    result = applyTaskAction(result.task, action, ctx(actor, now));
  return result;
}

export const statuses = (task: Task) => task.nodes.map((n) => `${n.id}:${n.status}`).join(' ');

export const nodeOf = (task: Task, id: string): TaskNode => {
  const node = task.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};

/** Node `nod_a` (v3), active from `activatedAt` with its deadline at `dueAt`. */
export function anActiveNode(
  activatedAt: Date,
  dueAt: Date,
  over: Partial<TaskNode> = {},
): TaskNode {
  const base = aTask().nodes[0] as TaskNode;
  return {
    ...base,
    id: 'nod_a',
    status: 'active',
    activatedAt,
    dueAt,
    deadlineVersion: 3,
    ...over,
  };
}

const h = (n: number) => ({ unit: 'ms', ms: hours(n) }) as const;

/** The org file's default ladder: 50% and 1 h before; owner+liaison, then coordination, then leadership. */
export const NORMAL_LADDER: EscalationLadder = {
  remindBefore: [
    { kind: 'share', share: 0.5 },
    { kind: 'before', duration: h(1) },
  ],
  levels: [
    { after: h(0), notify: ['owner', 'liaison'] },
    { after: h(24), notify: ['coordination'] },
    { after: h(48), notify: ['leadership'] },
  ],
};

export const URGENT_LADDER: EscalationLadder = {
  remindBefore: [{ kind: 'before', duration: { unit: 'ms', ms: 600_000 } }],
  levels: [
    { after: h(0), notify: ['owner', 'liaison', 'coordination'] },
    { after: h(2), notify: ['leadership'] },
  ],
};

const aPerson = (id: string, departmentId: string | null): Person => ({
  id,
  name: NAMES[id] ?? id,
  departmentId,
  wecomUserId: null,
  dingtalkUserId: null,
  active: true,
});

/** The sample organisation: eight departments with liaisons, 赵六 coordinating. */
export function anOrg(over: Partial<Org> = {}): Org {
  return {
    calendar: calendarConfig,
    departments: [
      { id: 'logistics', name: '后勤部', liaisonId: 'zhangsan', leaderId: 'wangwu' },
      { id: 'finance', name: '财务部', liaisonId: 'lisi', leaderId: 'qianqi' },
      { id: 'procurement', name: '采购部', liaisonId: 'sunba', leaderId: 'wangwu' },
      { id: 'warehouse', name: '仓储部', liaisonId: 'zhoujiu', leaderId: null },
      { id: 'admin', name: '行政部', liaisonId: 'wushi', leaderId: 'qianqi' },
      { id: 'business', name: '业务部', liaisonId: 'zhengyi', leaderId: null },
      { id: 'security', name: '安保部', liaisonId: 'fengshier', leaderId: null },
      { id: 'catering', name: '餐饮部', liaisonId: 'chenshisan', leaderId: null },
      { id: 'hr', name: '人力部', liaisonId: null, leaderId: null },
    ],
    people: [
      aPerson('zhangsan', 'logistics'),
      aPerson('lisi', 'finance'),
      aPerson('wangwu', 'logistics'),
      aPerson('zhaoliu', 'admin'),
      aPerson('qianqi', 'finance'),
      aPerson('sunba', 'procurement'),
      aPerson('zhoujiu', 'warehouse'),
      aPerson('wushi', 'admin'),
      aPerson('zhengyi', 'business'),
      aPerson('fengshier', 'security'),
      aPerson('chenshisan', 'catering'),
      { ...aPerson('gone', 'hr'), active: false },
    ],
    coordination: { chats: [], coordinators: ['zhaoliu'], leadership: ['wangwu'], admins: [] },
    escalation: { normal: NORMAL_LADDER, urgent: URGENT_LADDER },
    ...over,
  };
}

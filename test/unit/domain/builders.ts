import { createBusinessCalendar } from '../../../src/domain/calendar/business-calendar.js';
import type { DeadlineSpec } from '../../../src/domain/deadline/deadline.types.js';
import type {
  Actor,
  TaskAction,
  TaskContext,
  TransitionResult,
} from '../../../src/domain/task/task.effects.js';
import { createTask, type NewNode, type NewTask } from '../../../src/domain/task/task.factory.js';
import { applyTaskAction } from '../../../src/domain/task/task.state-machine.js';
import type { Task } from '../../../src/domain/task/task.types.js';

export const calendar = createBusinessCalendar({
  timezone: 'Asia/Shanghai',
  workStartMinute: 540,
  workEndMinute: 1080,
  holidays: 'cn',
  extraHolidays: [],
  extraWorkdays: [],
});

/** Monday 2026-11-23 10:00 in Shanghai. */
export const T0 = new Date('2026-11-23T02:00:00Z');
export const hours = (n: number) => n * 3_600_000;
export const at = (ms: number) => new Date(T0.getTime() + ms);

export const NAMES: Record<string, string> = {
  zhengyi: '郑一',
  zhangsan: '张三',
  lisi: '李四',
  wangwu: '王五',
  zhaoliu: '赵六',
  qianqi: '钱七',
  outsider: '路人',
};

export const person = (personId: string): Actor => ({
  personId,
  isCoordinator: personId === 'zhaoliu',
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

export function aTask(over: Partial<NewTask> = {}): Task {
  return createTask(aNewTask(over), ctx('zhengyi')).task;
}

/** Applies actions in turn, each by its actor, returning the last result. */
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

import type { BusinessCalendar } from '../../../domain/calendar/calendar.types.js';
import { toCsv } from '../csv.js';
import type { taskSummaryView } from './console-views.js';

type TaskRow = ReturnType<typeof taskSummaryView>;

const STATUS: Record<TaskRow['status'], string> = {
  open: '进行中',
  done: '已完成',
  cancelled: '已撤销',
  rejected: '已驳回',
};
const HEADERS = [
  '任务号',
  '标题',
  '状态',
  '紧急',
  '流程模板',
  '发起人',
  '进度',
  '当前节点',
  '当前负责人',
  '涉及部门',
  '已超时',
  '升级',
  '活动日期',
  '创建时间',
  '结束时间',
];
const RUNNING = new Set(['active', 'paused']);

/** `2026-12-07 22:05` on the org's wall clock. */
function localTime(at: Date | null, calendar: BusinessCalendar): string {
  if (!at) return '';
  const minute = calendar.minuteOfDay(at);
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${calendar.localDate(at)} ${hh}:${mm}`;
}

const unique = (values: readonly string[]) => [...new Set(values)];

/** The task list as a spreadsheet: one row per task, Chinese headers, times in the org's zone. */
export function tasksCsv(rows: readonly TaskRow[], calendar: BusinessCalendar): string {
  return toCsv([
    HEADERS,
    ...rows.map((t) => {
      const running = t.nodes.filter((n) => RUNNING.has(n.status));
      return [
        `#${t.number}`,
        t.title,
        STATUS[t.status],
        t.priority === 'urgent' ? '是' : '否',
        t.template?.name ?? '',
        t.creator.name,
        `${t.progress.done}/${t.progress.total}`,
        running.map((n) => `${n.ref} ${n.title}`).join('；'),
        unique(running.flatMap((n) => n.owners.filter((o) => !o.decision).map((o) => o.name))).join(
          '、',
        ),
        unique(t.nodes.flatMap((n) => (n.department ? [n.department.name] : []))).join('、'),
        t.late ? '是' : '否',
        t.escalationLevel > 0 ? `第${t.escalationLevel}级` : t.escalated ? '手动升级' : '否',
        t.eventDate ?? '',
        localTime(t.createdAt, calendar),
        localTime(t.closedAt, calendar),
      ];
    }),
  ]);
}

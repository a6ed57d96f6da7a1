import { describe, expect, it } from 'vitest';
import type { CardContext } from '../../../cards/card-context.js';
import { describeExtensionRequest } from '../../../cards/extension-request.text.js';
import { taskCard } from '../../../cards/task-card.builder.js';
import { aTask, at, calendar, hours, NAMES, run, within } from '../domain/builders.js';

const card = (now: Date): CardContext => ({
  now,
  calendar,
  nameOf: (id) => NAMES[id] ?? id,
  publicUrl: 'http://baton.test',
  departmentOf: () => null,
});

/** 张三 asked at 11:00 (Monday) for 8 hours instead of the 4 his node got at 10:00. */
const asked = () =>
  run(aTask(), [
    [
      'zhangsan',
      { type: 'request-extension', nodeId: 'n1', deadline: within(8), reason: '等报价' },
      at(hours(1)),
    ],
  ]).task;

describe('an extension request in words', () => {
  it('names who asks, the deadline now, the deadline asked for and the reason', () => {
    expect(describeExtensionRequest(asked(), card(at(hours(1))))).toBe(
      '张三申请把 #12.1 节点 n1 的截止时间从 今天 14:00 延到 今天 19:00，原因：等报价',
    );
  });

  it('is on the card beside the buttons that approve or refuse it', () => {
    const shown = taskCard(asked(), card(at(hours(1))));
    expect(shown.note).toContain('延期申请待发起人审批：张三申请把 #12.1');
    expect(shown.actions.map((a) => a.label).slice(0, 2)).toEqual(['批准延期', '拒绝延期']);
  });

  it('is nothing when no request waits', () => {
    expect(describeExtensionRequest(aTask(), card(at(0)))).toBeNull();
  });
});

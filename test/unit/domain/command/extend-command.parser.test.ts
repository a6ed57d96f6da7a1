import { describe, expect, it } from 'vitest';
import type { CommandKind } from '../../../../src/domain/command/command.types.js';
import { expectUsageError, parse } from './command.helpers.js';

describe('/延期: the deadline as written, then the reason', () => {
  it.each<[string, string, string]>([
    ['/延期 #12.2 周五前 等供应商报价', '周五前', '等供应商报价'],
    ['/延期 #12.2 明天18:00 缺材料', '明天18:00', '缺材料'],
    ['/延期 #12.2 明天 18:00 缺材料', '明天 18:00', '缺材料'],
    ['/延期 #12.2 明天 下午3点 缺材料', '明天 下午3点', '缺材料'],
    ['/延期 #12.2 周五 下午 缺材料', '周五 下午', '缺材料'],
    ['/延期 #12.2 周五 18点前 缺材料', '周五 18点前', '缺材料'],
    ['/延期 #12.2 周五 3点半 缺材料', '周五 3点半', '缺材料'],
    ['/延期 #12.2 11月30日 15:00 供应商缺货', '11月30日 15:00', '供应商缺货'],
    ['/延期 #12.2 2026-12-01 09:30 供应商缺货', '2026-12-01 09:30', '供应商缺货'],
    ['/延期 #12.2 11月30日 15:00，供应商缺货', '11月30日 15:00', '供应商缺货'],
    ['/延期 #12.2 下周一 上午 10点，供应商 还没报价', '下周一 上午 10点', '供应商 还没报价'],
    ['/延期 #12.2 3个工作日内, 等审批', '3个工作日内', '等审批'],
    ['/延期 #12.2 周五前\n等供应商报价', '周五前', '等供应商报价'],
    ['/延期 #12.2 周五前 等 供应商 报价', '周五前', '等 供应商 报价'],
    ['/延期 #12.2 2小时内 会议延后了', '2小时内', '会议延后了'],
    ['/延期 #12.2 周五前 明天 开会讨论', '周五前', '明天 开会讨论'],
  ])('%s', (text, deadlineText, reason) => {
    expect(parse(text)).toEqual({
      kind: 'extend',
      ref: { task: 12, node: 2 },
      deadlineText,
      reason,
    });
  });

  it('works without a reference', () => {
    expect(parse('/extend 明天18:00 缺材料')).toEqual({
      kind: 'extend',
      ref: null,
      deadlineText: '明天18:00',
      reason: '缺材料',
    });
  });

  it.each<[string, string, CommandKind]>([
    ['/延期 #12.2', 'command.missing_deadline', 'extend'],
    ['/延期', 'command.missing_deadline', 'extend'],
    ['/延期 #12.2 ，等报价', 'command.missing_deadline', 'extend'],
    ['/延期 #12.2 周五前', 'command.missing_reason', 'extend'],
    ['/延期 #12.2 明天 18:00', 'command.missing_reason', 'extend'],
    ['/延期 #12.2 周五前，', 'command.missing_reason', 'extend'],
    ['/延期 #12.x 周五前 原因', 'command.bad_ref', 'extend'],
  ])('%s → %s', (text, code, kind) => {
    expectUsageError(text, code, kind);
  });
});

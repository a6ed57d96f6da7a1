import { describe, expect, it } from 'vitest';
import type { Command, CommandKind } from '../../../../src/domain/command/command.types.js';
import { expectUsageError, parse, t } from './command.helpers.js';

describe('commands on a node: reference and note', () => {
  it.each<[string, Command]>([
    ['/进度', { kind: 'status', ref: null }],
    ['/进度 #12', { kind: 'status', ref: t(12) }],
    ['/进度 12', { kind: 'status', ref: t(12) }],
    ['/进度 #12.2', { kind: 'status', ref: t(12, 2) }],
    ['/status #12', { kind: 'status', ref: t(12) }],
    ['/STATUS #12', { kind: 'status', ref: t(12) }],
    ['/进度 任务12', { kind: 'status', ref: t(12) }],
    ['/进度 任务#12', { kind: 'status', ref: t(12) }],
    ['/我的', { kind: 'my' }],
    ['/我的任务', { kind: 'my' }],
    ['/my', { kind: 'my' }],
    ['/My', { kind: 'my' }],
    ['/收到', { kind: 'ack', ref: null, note: null }],
    ['/收到 #12.2', { kind: 'ack', ref: t(12, 2), note: null }],
    ['/收到 12.2', { kind: 'ack', ref: t(12, 2), note: null }],
    ['/收到 #12', { kind: 'ack', ref: t(12), note: null }],
    ['/ack #3.2', { kind: 'ack', ref: t(3, 2), note: null }],
    ['/收到 马上去办', { kind: 'ack', ref: null, note: '马上去办' }],
    ['/收到 #12.2 马上去办', { kind: 'ack', ref: t(12, 2), note: '马上去办' }],
    ['/完成', { kind: 'done', ref: null, note: null }],
    ['/完成 #12.1 已联系供应商', { kind: 'done', ref: t(12, 1), note: '已联系供应商' }],
    ['/完成 #12.1已联系供应商', { kind: 'done', ref: t(12, 1), note: '已联系供应商' }],
    ['/完成#12.1 已联系供应商', { kind: 'done', ref: t(12, 1), note: '已联系供应商' }],
    ['/完成 #12.1：已联系供应商', { kind: 'done', ref: t(12, 1), note: '已联系供应商' }],
    ['/完成 #12.1，已联系供应商', { kind: 'done', ref: t(12, 1), note: '已联系供应商' }],
    ['/完成 12.1 已联系供应商', { kind: 'done', ref: t(12, 1), note: '已联系供应商' }],
    ['/完成 12.1', { kind: 'done', ref: t(12, 1), note: null }],
    ['/done 已处理', { kind: 'done', ref: null, note: '已处理' }],
    ['/done #7', { kind: 'done', ref: t(7), note: null }],
    ['/完成 2 台已送到', { kind: 'done', ref: null, note: '2 台已送到' }],
    ['/完成 3楼已修好', { kind: 'done', ref: null, note: '3楼已修好' }],
    ['/完成 已处理，见 #11', { kind: 'done', ref: null, note: '已处理，见 #11' }],
    ['/完成 #12.1 已交给 @王五', { kind: 'done', ref: t(12, 1), note: '已交给 @王五' }],
    [
      '/完成 #12.1\n已联系供应商\n明天到货',
      { kind: 'done', ref: t(12, 1), note: '已联系供应商\n明天到货' },
    ],
    ['/完成 #12.1\n\n已联系供应商\n', { kind: 'done', ref: t(12, 1), note: '已联系供应商' }],
    ['/完成 #012.01', { kind: 'done', ref: t(12, 1), note: null }],
    ['/完成 #999999999.999', { kind: 'done', ref: t(999_999_999, 999), note: null }],
    ['/同意', { kind: 'approve', ref: null, note: null }],
    ['/同意 #12.2', { kind: 'approve', ref: t(12, 2), note: null }],
    ['/approve #12.2 OK', { kind: 'approve', ref: t(12, 2), note: 'OK' }],
    ['/同意 #12.2 按最低报价采购。', { kind: 'approve', ref: t(12, 2), note: '按最低报价采购。' }],
    ['/驳回 #12.2 报价偏高', { kind: 'reject', ref: t(12, 2), reason: '报价偏高' }],
    [
      '/驳回 #12.2 报价偏高，请重新询价',
      { kind: 'reject', ref: t(12, 2), reason: '报价偏高，请重新询价' },
    ],
    ['/reject 太贵了', { kind: 'reject', ref: null, reason: '太贵了' }],
    ['/驳回 与 #11 重复', { kind: 'reject', ref: null, reason: '与 #11 重复' }],
    ['/驳回：报价偏高', { kind: 'reject', ref: null, reason: '报价偏高' }],
    ['/催办 #12', { kind: 'nudge', ref: t(12), note: null }],
    ['/催办 #12.2', { kind: 'nudge', ref: t(12, 2), note: null }],
    ['/催办 #12.2 明天就要用了', { kind: 'nudge', ref: t(12, 2), note: '明天就要用了' }],
    ['/nudge', { kind: 'nudge', ref: null, note: null }],
    ['/挂起 #12.3 等待厂家配件', { kind: 'pause', ref: t(12, 3), reason: '等待厂家配件' }],
    ['/pause waiting for parts', { kind: 'pause', ref: null, reason: 'waiting for parts' }],
    ['/恢复 #12.3', { kind: 'resume', ref: t(12, 3), note: null }],
    ['/resume', { kind: 'resume', ref: null, note: null }],
    ['/恢复 #12.3 配件已到', { kind: 'resume', ref: t(12, 3), note: '配件已到' }],
    ['/退回 #12.1 数量不对', { kind: 'sendback', ref: t(12, 1), reason: '数量不对' }],
    ['/sendback #4.2 wrong size', { kind: 'sendback', ref: t(4, 2), reason: 'wrong size' }],
    ['/升级 #12 部门间有分歧', { kind: 'escalate', ref: t(12), reason: '部门间有分歧' }],
    ['/escalate #12.2 stuck', { kind: 'escalate', ref: t(12, 2), reason: 'stuck' }],
    ['/撤销 #12 需求取消', { kind: 'cancel', ref: t(12), reason: '需求取消' }],
    ['/撤销 #12', { kind: 'cancel', ref: t(12), reason: null }],
    ['/cancel 12', { kind: 'cancel', ref: t(12), reason: null }],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });
});

describe('missing or wrong parts are errors with the usage of the command', () => {
  it.each<[string, string, CommandKind]>([
    ['/驳回 #12.2', 'command.missing_reason', 'reject'],
    ['/驳回 #12.2 ，', 'command.missing_reason', 'reject'],
    ['/reject', 'command.missing_reason', 'reject'],
    ['/挂起 #12.3', 'command.missing_reason', 'pause'],
    ['/pause', 'command.missing_reason', 'pause'],
    ['/升级 #12', 'command.missing_reason', 'escalate'],
    ['/升级 有分歧', 'command.missing_ref', 'escalate'],
    ['/升级', 'command.missing_ref', 'escalate'],
    ['/退回 #12.1', 'command.missing_reason', 'sendback'],
    ['/退回 #12 数量不对', 'command.missing_node', 'sendback'],
    ['/退回 数量不对', 'command.missing_ref', 'sendback'],
    ['/撤销', 'command.missing_ref', 'cancel'],
    ['/撤销 需求取消', 'command.missing_ref', 'cancel'],
    ['/撤销 12 需求取消', 'command.missing_ref', 'cancel'],
    ['/撤销 #12.2 需求取消', 'command.whole_task_ref', 'cancel'],
    ['/进度 全部', 'command.unexpected_text', 'status'],
    ['/进度 #12 详细', 'command.unexpected_text', 'status'],
    ['/我的 #12', 'command.unexpected_text', 'my'],
    ['/我的 全部', 'command.unexpected_text', 'my'],
    ['/完成 #12.x', 'command.bad_ref', 'done'],
    ['/完成 #12.', 'command.bad_ref', 'done'],
    ['/完成 #12.2.3', 'command.bad_ref', 'done'],
    ['/完成 #12-2', 'command.bad_ref', 'done'],
    ['/完成 #abc', 'command.bad_ref', 'done'],
    ['/完成 #', 'command.bad_ref', 'done'],
    ['/完成 # 12', 'command.bad_ref', 'done'],
    ['/完成 #0', 'command.bad_ref', 'done'],
    ['/完成 #12.0', 'command.bad_ref', 'done'],
    ['/完成 #1234567890', 'command.bad_ref', 'done'],
    ['/完成 #12.1234', 'command.bad_ref', 'done'],
    ['/收到 #紧急', 'command.bad_ref', 'ack'],
    ['/进度 #12abc', 'command.bad_ref', 'status'],
    ['/催办 ##12', 'command.bad_ref', 'nudge'],
    ['/驳回 #1e3 太贵', 'command.bad_ref', 'reject'],
    ['/退回 #12.0 数量不对', 'command.bad_ref', 'sendback'],
  ])('%s → %s', (text, code, kind) => {
    expectUsageError(text, code, kind);
  });

  it('quotes the reference it could not read', () => {
    expect(expectUsageError('/完成 #12.x', 'command.bad_ref', 'done').userMessage).toContain(
      '#12.x',
    );
  });

  it('suggests the node reference when only the task was given', () => {
    expect(
      expectUsageError('/退回 #7 数量不对', 'command.missing_node', 'sendback').userMessage,
    ).toContain('#7.1');
  });
});

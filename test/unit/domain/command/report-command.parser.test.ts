import { describe, expect, it } from 'vitest';
import type { ReportPeriod } from '../../../../src/domain/command/command.types.js';
import { expectUsageError, parse } from './command.helpers.js';

describe('/周报', () => {
  it.each<[string, ReportPeriod]>([
    ['/周报', { kind: 'this-week' }],
    ['/周报 本周', { kind: 'this-week' }],
    ['/周报 这周', { kind: 'this-week' }],
    ['/report this week', { kind: 'this-week' }],
    ['/周报 上周', { kind: 'last-week' }],
    ['/report last week', { kind: 'last-week' }],
    ['/report LAST WEEK', { kind: 'last-week' }],
    ['/周报 本月', { kind: 'this-month' }],
    ['/周报 这个月', { kind: 'this-month' }],
    ['/周报 上月', { kind: 'last-month' }],
    ['/周报 上个月', { kind: 'last-month' }],
    [
      '/周报 2026-11-01 2026-11-30',
      { kind: 'range', fromText: '2026-11-01', toText: '2026-11-30' },
    ],
    [
      '/周报 2026-11-01~2026-11-30',
      { kind: 'range', fromText: '2026-11-01', toText: '2026-11-30' },
    ],
    [
      '/周报 2026-11-01 ~ 2026-11-30',
      { kind: 'range', fromText: '2026-11-01', toText: '2026-11-30' },
    ],
    [
      '/周报 2026-11-01 - 2026-11-30',
      { kind: 'range', fromText: '2026-11-01', toText: '2026-11-30' },
    ],
    ['/周报 11月1日至11月30日', { kind: 'range', fromText: '11月1日', toText: '11月30日' }],
    ['/周报 11月1日到11月30日', { kind: 'range', fromText: '11月1日', toText: '11月30日' }],
    [
      '/周报 ２０２６－１１－０１ ２０２６－１１－３０',
      { kind: 'range', fromText: '2026-11-01', toText: '2026-11-30' },
    ],
  ])('%s', (text, period) => {
    expect(parse(text)).toEqual({ kind: 'report', period });
  });

  it.each([['/周报 昨天'], ['/周报 2026-11-01'], ['/周报 a b c'], ['/report next year please']])(
    '%s → bad_period',
    (text) => {
      expectUsageError(text, 'command.bad_period', 'report');
    },
  );
});

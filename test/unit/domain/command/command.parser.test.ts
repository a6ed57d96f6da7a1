import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_LENGTH, parseCommand } from '../../../../src/domain/command/command.parser.js';
import type { Command, CommandKind } from '../../../../src/domain/command/command.types.js';
import { COMMAND_USAGE, helpText } from '../../../../src/domain/command/command.usage.js';
import { COMMAND_NAMES, commandKindOf } from '../../../../src/domain/command/command-names.js';
import { BOT_NAMES, errorOf, parse } from './command.helpers.js';

const DONE_12_1: Command = { kind: 'done', ref: { task: 12, node: 1 }, note: '好了' };

describe('what people actually type', () => {
  it.each<[string, string]>([
    ['plain', '/完成 #12.1 好了'],
    ['full-width slash, hash, digits, dot and space', '／完成　＃１２．１　好了'],
    ['full-width hash only', '/完成 ＃12.1 好了'],
    ['English name', '/done #12.1 好了'],
    ['English name in capitals', '/DONE #12.1 好了'],
    ['English name in mixed case', '/Done #12.1 好了'],
    ['full-width English name', '/ｄｏｎｅ #12.1 好了'],
    ['leading bot mention', '@接力 /完成 #12.1 好了'],
    ['leading bot mention, latin', '@Baton /done #12.1 好了'],
    ['leading bot mention, lower case', '@baton /done #12.1 好了'],
    ['leading bot mention, full-width @', '＠接力 /完成 #12.1 好了'],
    ['leading bot mention glued to the slash', '@接力/完成 #12.1 好了'],
    ['two leading bot mentions', '@接力 @接力 /完成 #12.1 好了'],
    ['trailing bot mention', '/完成 #12.1 好了 @接力'],
    ['bot mention on both ends', '@接力 /完成 #12.1 好了 @Baton'],
    ['WeCom four-per-em space after the mention', '@接力\u2005/完成 #12.1 好了'],
    ['no-break spaces', '/完成\u00a0#12.1\u00a0好了'],
    ['tabs', '/完成\t#12.1\t好了'],
    ['extra spaces', '  /完成    #12.1     好了  '],
    ['space after the slash', '/ 完成 #12.1 好了'],
    ['CRLF', '/完成 #12.1 好了\r\n'],
    ['CR', '/完成 #12.1 好了\r'],
    ['line separator', '/完成 #12.1 好了\u2028'],
    ['zero-width space', '/完成\u200b #12.1 好了'],
    ['byte order mark', '\ufeff/完成 #12.1 好了'],
    ['no space after the name', '/完成#12.1 好了'],
    ['no space at all', '/完成#12.1好了'],
    ['English name without space', '/done#12.1 好了'],
    ['Chinese keyboard 、 for /', '、完成 #12.1 好了'],
    ['Chinese keyboard 、 glued to the reference', '、完成#12.1 好了'],
    ['leading blank lines', '\n\n/完成 #12.1 好了'],
  ])('%s', (_name, text) => {
    expect(parse(text)).toEqual(DONE_12_1);
  });

  it.each<[string]>([
    ['大家好，明天开会'],
    [''],
    ['   '],
    ['\n\n'],
    ['http://a/b'],
    ['完成 #12.1'],
    ['@张三 /完成 #12.1'],
    ['@接力助手 /完成 #12.1'],
    ['、对了，明天开会'],
    ['、我的电脑坏了'],
    ['、完成了吗'],
    ['、'],
    ['a@接力 你好'],
  ])('leaves chatter alone: %j', (text) => {
    expect(parseCommand(text, { botNames: BOT_NAMES })).toEqual({ kind: 'not-a-command' });
  });

  it('works without bot names', () => {
    expect(parseCommand('/完成 #12.1 好了')).toEqual({ kind: 'command', command: DONE_12_1 });
    expect(parseCommand('@接力 /完成 #12.1 好了')).toEqual({ kind: 'not-a-command' });
  });

  it.each<[string[], string]>([
    [['@接力'], '@接力 /完成 #12.1 好了'],
    [['Baton Bot'], '@Baton Bot /完成 #12.1 好了'],
    [['Ｂａｔｏｎ'], '@Baton /完成 #12.1 好了'],
    [['接力', 'Baton'], '@Baton /完成 #12.1 好了'],
  ])('strips the bot named %j', (botNames, text) => {
    expect(parseCommand(text, { botNames })).toEqual({ kind: 'command', command: DONE_12_1 });
  });

  it.each<[string, CommandKind | null]>([
    ['@接力', null],
    ['@接力 ', null],
    ['@接力 你好', null],
    ['@接力 怎么用？', null],
    ['@Baton hello', null],
    ['@接力 完成 #12.1', 'done'],
    ['@接力 任务', 'create-task'],
    ['@Baton status', 'status'],
    ['你好 @接力', null],
    ['@接力 完成了吗', null],
  ])('answers with help when addressed without a command: %j', (text, topic) => {
    expect(parse(text)).toEqual({ kind: 'help', topic });
  });
});

describe('every command name', () => {
  const samples: Record<CommandKind, string> = {
    'create-task': ' 修空调\n联系 @张三 明天',
    'start-flow': ' 采购',
    minutes: ' 例会\n- 场地 @张三 周五前',
    status: '',
    my: '',
    ack: '',
    done: '',
    approve: '',
    reject: ' 原因',
    nudge: '',
    transfer: ' @张三 原因',
    sendback: ' #1.1 原因',
    addsign: ' @张三',
    cc: ' #1 @张三',
    digest: ' 关',
    pause: ' 原因',
    resume: '',
    extend: ' 明天 原因',
    escalate: ' #1 原因',
    cancel: ' #1',
    'approve-extension': ' #1',
    'deny-extension': ' #1 原因',
    report: '',
    help: '',
    setup: '',
    rate: ' #1 5',
  };
  const all = Object.entries(COMMAND_NAMES).flatMap(([kind, names]) =>
    names.flatMap((name) => [
      [kind, name],
      [kind, name.toUpperCase()],
    ]),
  );
  it.each(all)('%s answers to /%s', (kind, name) => {
    expect(parse(`/${name}${samples[kind as CommandKind]}`).kind).toBe(kind);
  });

  it('gives every name to one command only', () => {
    const names = Object.values(COMMAND_NAMES).flatMap((list) => list.map((n) => n.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('/帮助', () => {
  it.each<[string, CommandKind | null]>([
    ['/帮助', null],
    ['/help', null],
    ['/帮助 任务', 'create-task'],
    ['/帮助 /任务', 'create-task'],
    ['/帮助 、任务', 'create-task'],
    ['/help task', 'create-task'],
    ['/help TASK', 'create-task'],
    ['/帮助 新建', 'create-task'],
    ['/帮助 完成', 'done'],
    ['/帮助 纪要 怎么写', 'minutes'],
    ['/帮助 任务格式', 'create-task'],
    ['/帮助 设置', 'setup'],
    ['/帮助 评分', 'rate'],
  ])('%s', (text, topic) => {
    expect(parse(text)).toEqual({ kind: 'help', topic });
  });

  it.each([['/帮助 xyz'], ['/帮助 取消'], ['/帮助 #12']])('%s → unknown_topic', (text) => {
    const error = errorOf(text);
    expect(error.code).toBe('command.unknown_topic');
    expect(error.usage).toContain('/帮助');
  });

  it('suggests the command behind a lookalike topic', () => {
    expect(errorOf('/帮助 取消').userMessage).toContain('/撤销');
  });
});

/** The usage of the command a suggestion (`/进度`, `/status`) names. */
function usageOf(suggestion: string): string {
  const kind = commandKindOf(suggestion.slice(1));
  if (kind === null) throw new Error(suggestion);
  return COMMAND_USAGE[kind];
}

describe('unknown commands', () => {
  it.each<[string, string | null]>([
    ['/stauts', '/status'],
    ['/stats', '/status'],
    ['/tsak', '/task'],
    ['/dnoe', '/done'],
    ['/approv', '/approve'],
    ['/完', '/完成'],
    ['/进', '/进度'],
    ['/任物', '/任务'],
    ['/取消 #12', '/撤销'],
    ['/删除 #12', '/撤销'],
    ['/拒绝 #12.2 太贵', '/驳回'],
    ['/通过 #12.2', '/同意'],
    ['/提醒 #12', '/催办'],
    ['/状态', '/进度'],
    ['/查询进度 #12', '/进度'],
    ['/暂停 #12.2', '/挂起'],
    ['/新任务 修空调', '/任务'],
    ['/会议纪要 周会', '/纪要'],
    ['/人物 修空调', '/任务'],
    ['/人物修空调', '/任务'],
    ['/进读 #12', '/进度'],
    ['/万成 #12.1', '/完成'],
    ['/我得', '/我的'],
    ['/沃的人物', '/我的任务'],
    ['/铜意 #12.2', '/同意'],
    ['/催半 #12', '/催办'],
    ['/周包', '/周报'],
    ['/帮主', '/帮助'],
    ['/frobnicate', null],
    ['/xyz', null],
    ['/123', null],
    ['/😀', null],
  ])('%s suggests %s', (text, suggestion) => {
    const error = errorOf(text);
    expect(error.code).toBe('command.unknown');
    expect(error.userMessage).toContain('/帮助');
    if (suggestion === null) {
      expect(error.userMessage).not.toContain('是不是想');
      expect(error.usage).toBe(helpText(null));
    } else {
      expect(error.userMessage).toContain(`你是不是想输入 ${suggestion}？`);
      expect(error.usage).toBe(usageOf(suggestion));
    }
  });

  it.each([['/'], ['/ '], ['@接力 /'], ['/\n任务']])('%j asks for a command name', (text) => {
    const error = errorOf(text);
    expect(error.code).toBe('command.unknown');
    expect(error.userMessage).toContain('请在 / 后面写上命令名');
  });

  it('quotes a long unknown name only in part', () => {
    expect(errorOf(`/${'x'.repeat(500)}`).userMessage.length).toBeLessThan(200);
  });
});

describe('length limit', () => {
  it('reads a command of exactly the maximum length', () => {
    const note = '好'.repeat(MAX_COMMAND_LENGTH - '/完成 '.length);
    expect(parse(`/完成 ${note}`)).toEqual({ kind: 'done', ref: null, note });
  });

  it.each<[string, string, CommandKind | null]>([
    ['a command', `/完成 ${'好'.repeat(MAX_COMMAND_LENGTH)}`, 'done'],
    ['a task', `/任务 修空调\n${'协调 @张三 明天\n'.repeat(500)}`, 'create-task'],
    ['an unknown command', `/xyz ${'好'.repeat(MAX_COMMAND_LENGTH)}`, null],
    ['an address to the bot', `@接力 ${'好'.repeat(MAX_COMMAND_LENGTH)}`, null],
  ])('refuses %s that is too long, with its usage', (_name, text, kind) => {
    const error = errorOf(text);
    expect(error.code).toBe('command.too_long');
    expect(error.userMessage).toContain(String(MAX_COMMAND_LENGTH));
    expect(error.usage).toBe(kind === null ? helpText(null) : COMMAND_USAGE[kind]);
  });

  it('ignores long chatter', () => {
    expect(parseCommand('哈'.repeat(100_000), { botNames: BOT_NAMES })).toEqual({
      kind: 'not-a-command',
    });
  });
});

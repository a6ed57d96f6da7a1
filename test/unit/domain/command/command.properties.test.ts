import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_LENGTH, parseCommand } from '../../../../src/domain/command/command.parser.js';
import { COMMAND_NAMES } from '../../../../src/domain/command/command-names.js';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';
import { BOT_NAMES } from './command.helpers.js';

const NAMES = Object.values(COMMAND_NAMES).flat();
/** Pieces of the command language, to build near-commands that reach deep into the parser. */
const PIECES = [
  ...NAMES.map((name) => `/${name}`),
  ...NAMES,
  '#12',
  '#12.2',
  '#',
  '#0',
  '#12.',
  '12.2',
  '12',
  '任务12',
  '＃１２．２',
  '@张三',
  '@',
  '@接力',
  '＠Baton',
  'a@b.com',
  '@@',
  '审批',
  '会签',
  '或签',
  '紧急',
  '【紧急】',
  '[urgent]',
  '活动日期=',
  '活动:',
  'event=',
  '=',
  ':',
  '：',
  '"',
  '“',
  '」',
  '「',
  '；',
  ';',
  '，',
  ',',
  '、',
  '+',
  '- ',
  '1.',
  '1、',
  '\n',
  '\r\n',
  ' ',
  '\u3000',
  '\u2005',
  '\u200b',
  '\ufeff',
  '\t',
  '明天18:00',
  '周五前',
  '2小时内',
  '5',
  '5分',
  '6',
  '本周',
  '上周',
  '~',
  '至',
  '协调群',
  '联络员',
  '协调人',
  '领导',
  '物品=笔记本',
  '备注="A4 白色"',
  '😀',
  '\ud800',
  '\udc00',
  'e\u0301',
  'İ',
  'ß',
  '\u0000',
  '\u2028',
];

const piecesText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));
const anyText = fc.oneof(
  piecesText,
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .tuple(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 200 }), piecesText)
    .map((t) => t.join('')),
);
const botNames = fc.oneof(
  fc.constant(BOT_NAMES),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
);

/** Runs the parser and returns the DomainError it threw, if any; anything else fails. */
function outcomeOf(text: string, names: readonly string[]): DomainError | null {
  try {
    parseCommand(text, { botNames: names });
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('the parser on arbitrary input', () => {
  it('throws nothing but DomainError', () => {
    fc.assert(
      fc.property(anyText, botNames, (text, names) => {
        outcomeOf(text, names);
      }),
      { numRuns: 5_000 },
    );
  });

  it('throws only command errors, with a Chinese message and the usage', () => {
    fc.assert(
      fc.property(piecesText, (text) => {
        const error = outcomeOf(`/${text}`, BOT_NAMES);
        if (error === null) return;
        expect(error.code).toMatch(/^command\.[a-z_]+$/);
        expect(error.userMessage).toMatch(/[\u4e00-\u9fff]/);
        expect(error.usage).toMatch(/^(用法：\/|接力 Baton)/);
      }),
      { numRuns: 5_000 },
    );
  });

  it('keeps its messages short, whatever was written', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 100, maxLength: 2_000 }),
        fc.constantFrom(...NAMES),
        (junk, name) => {
          const error = outcomeOf(`/${name} ${junk}`, BOT_NAMES);
          if (error !== null) expect([...error.userMessage].length).toBeLessThan(160);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never reads chatter as a command', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(!/^[\s\u200b\ufeff]*[/／、]/.test(text) && !/接力|baton|ｂａｔｏｎ/i.test(text));
        expect(parseCommand(text, { botNames: BOT_NAMES }).kind).toBe('not-a-command');
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses huge commands quickly, and ignores huge chatter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MAX_COMMAND_LENGTH + 1, max: 200_000 }),
        fc.constantFrom(...PIECES),
        (length, piece) => {
          const body = piece.repeat(Math.ceil(length / Math.max(piece.length, 1))).slice(0, length);
          const started = performance.now();
          const command = outcomeOf(`/完成 ${body}`, BOT_NAMES);
          expect(command?.code).toBe('command.too_long');
          expect(parseCommand(`聊天 ${body}`, { botNames: BOT_NAMES })).toEqual({
            kind: 'not-a-command',
          });
          expect(performance.now() - started).toBeLessThan(200);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('parses the longest accepted input quickly, whatever it holds', () => {
    for (const piece of PIECES) {
      const body = piece.repeat(MAX_COMMAND_LENGTH).slice(0, MAX_COMMAND_LENGTH - 8);
      for (const name of ['任务', '纪要', '流程', '完成', '延期', '转交', '设置', '周报']) {
        const started = performance.now();
        outcomeOf(`/${name} ${body}`, BOT_NAMES);
        expect(performance.now() - started, `${name} ${JSON.stringify(piece)}`).toBeLessThan(250);
      }
    }
  });
});

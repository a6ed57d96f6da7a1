import { describe, expect, it } from 'vitest';
import { helpText } from '../../../../src/domain/command/command.usage.js';
import { errorOf, expectUsageError, parse } from './command.helpers.js';

describe('/摘要 开|关', () => {
  it.each([
    ['/摘要 关', false],
    ['/摘要 开启', true],
    ['／摘要　关闭', false],
    ['/digest ON', true],
    ['/digest off', false],
    ['@接力 /摘要 打开', true],
  ])('reads %j', (text, enabled) => {
    expect(parse(text)).toEqual({ kind: 'digest', enabled });
  });

  it.each(['/摘要', '/摘要 也许', '/摘要 关 开'])(
    'asks for 开 or 关 in %j, with the usage',
    (text) => {
      const error = expectUsageError(text, 'command.bad_switch', 'digest');
      expect(error.userMessage).toContain('请写「开」或「关」');
    },
  );

  it('is a command of its own, not part of another', () => {
    expect(parse('/任务 摘要 关 @张三 明天')).toMatchObject({ kind: 'create-task' });
    expect(errorOf('/摘要说明').code).toBe('command.bad_switch');
  });

  it('stands in the help overview and has a help page', () => {
    expect(helpText(null)).toContain('/摘要 <开|关>');
    expect(parse('/帮助 摘要')).toEqual({ kind: 'help', topic: 'digest' });
    expect(helpText('digest')).toContain('例：/摘要 关');
  });
});

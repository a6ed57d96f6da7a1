import { describe, expect, it } from 'vitest';
import { parseDigestSwitch } from '../../../../src/domain/report/digest-command.parser.js';

describe('/摘要 开|关', () => {
  it('reads the switch in Chinese, English and full-width forms', () => {
    expect(parseDigestSwitch('/摘要 关')).toEqual({ enabled: false });
    expect(parseDigestSwitch('/摘要 开启')).toEqual({ enabled: true });
    expect(parseDigestSwitch('／摘要　关闭')).toEqual({ enabled: false });
    expect(parseDigestSwitch('/digest ON')).toEqual({ enabled: true });
  });

  it('leaves other text to the command parser', () => {
    expect(parseDigestSwitch('/摘要说明')).toBeNull();
    expect(parseDigestSwitch('/任务 摘要 关')).toBeNull();
    expect(parseDigestSwitch('摘要 关')).toBeNull();
  });

  it('asks for 开 or 关 otherwise', () => {
    expect(() => parseDigestSwitch('/摘要')).toThrow(/请写「开」或「关」/);
    expect(() => parseDigestSwitch('/摘要 也许')).toThrow(/请写「开」或「关」/);
  });
});

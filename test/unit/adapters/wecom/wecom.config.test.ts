import { describe, expect, it } from 'vitest';
import { loadWecomConfig, WecomConfigError } from '../../../../adapters/wecom/wecom.config.js';

describe('WECOM_* settings', () => {
  it('leaves WeCom off when nothing is set', () => {
    const config = loadWecomConfig({ PATH: '/usr/bin' });
    expect(config.enabled).toBe(false);
    expect(config.longConnection).toBeNull();
  });

  it('turns the long connection on with the bot id and secret, with a default lease', () => {
    const config = loadWecomConfig({ WECOM_BOT_ID: 'aibot1', WECOM_BOT_SECRET: 's3cret' });
    expect(config.enabled).toBe(true);
    expect(config.longConnection).toEqual({
      botId: 'aibot1',
      secret: 's3cret',
      wsUrl: undefined,
      leaseMs: 15_000,
    });
  });

  it('names each mistake and never echoes a secret', () => {
    const load = () =>
      loadWecomConfig({
        WECOM_BOT_ID: 'aibot1',
        WECOM_BOT_WS_URL: 'http://not-a-websocket',
        WECOM_BOT_LEASE_MS: '10',
      });
    expect(load).toThrow(WecomConfigError);
    expect(load).toThrow(/WECOM_BOT_WS_URL/);
    expect(load).toThrow(/WECOM_BOT_LEASE_MS/);
    expect(() => loadWecomConfig({ WECOM_BOT_SECRET: 'only-the-secret' })).toThrow(
      /WECOM_BOT_ID and WECOM_BOT_SECRET go together/,
    );
    expect(() => loadWecomConfig({ WECOM_BOT_SECRET: 'only-the-secret' })).not.toThrow(
      /only-the-secret/,
    );
  });

  it('is on for the HTTP side alone (API-mode bot callbacks)', () => {
    const config = loadWecomConfig({
      WECOM_BOT_TOKEN: 'BotToken2024',
      WECOM_BOT_AES_KEY: 'Nj1lI7RhV7s7CJ7uUCISwJ3q1gtQtxzdtqukxDdtMqg',
    });
    expect(config.enabled).toBe(true);
    expect(config.longConnection).toBeNull();
  });
});

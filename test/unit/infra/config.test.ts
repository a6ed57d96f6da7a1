import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/infra/config/config.js';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1:3000',
    });
    expect(config.db.url).toBeNull();
    expect(config.db.dataDir).toMatch(/\/data$/);
    expect(config.redis).toEqual({
      url: 'redis://127.0.0.1:6379',
      explicit: false,
      prefix: 'baton',
      tuning: true,
    });
    expect(config.timezone).toBe('Asia/Shanghai');
    expect(config.orgFile).toBeNull();
    expect(config.templatesDir).toBeNull();
    expect(config.adminToken).toBeNull();
    expect(config.simulator).toEqual({ mode: 'auto', orgFile: null });
    expect(config.admins).toEqual([]);
  });

  it.each([
    [{ PORT: '8080' }, (c: ReturnType<typeof loadConfig>) => c.http.port === 8080],
    [
      { HOST: '0.0.0.0', PORT: '80' },
      (c: ReturnType<typeof loadConfig>) => c.http.publicUrl === 'http://127.0.0.1:80',
    ],
    [
      { BATON_PUBLIC_URL: 'https://baton.example.com/' },
      (c: ReturnType<typeof loadConfig>) => c.http.publicUrl === 'https://baton.example.com',
    ],
    [{ BATON_REDIS_TUNING: 'off' }, (c: ReturnType<typeof loadConfig>) => !c.redis.tuning],
    [
      { REDIS_URL: 'redis://r:6380' },
      (c: ReturnType<typeof loadConfig>) => c.redis.explicit && c.redis.url === 'redis://r:6380',
    ],
    [
      { BATON_ADMINS: 'zhaoliu, wangwu  lisi' },
      (c: ReturnType<typeof loadConfig>) => c.admins.join() === 'zhaoliu,wangwu,lisi',
    ],
    [
      { BATON_TIMEZONE: 'Europe/Berlin' },
      (c: ReturnType<typeof loadConfig>) => c.timezone === 'Europe/Berlin',
    ],
    [{ PORT: '' }, (c: ReturnType<typeof loadConfig>) => c.http.port === 3000],
    [
      { BATON_SIMULATOR: 'on', BATON_SIMULATOR_ORG_FILE: 'demo.yaml' },
      (c: ReturnType<typeof loadConfig>) =>
        c.simulator.mode === 'on' && (c.simulator.orgFile ?? '').endsWith('/demo.yaml'),
    ],
    [
      { DATABASE_URL: 'postgresql://u@h/db' },
      (c: ReturnType<typeof loadConfig>) => c.db.url === 'postgresql://u@h/db',
    ],
  ])('reads %o', (env, holds) => {
    expect(holds(loadConfig(env))).toBe(true);
  });

  it('names every bad variable at once', () => {
    const env = {
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      REDIS_URL: 'localhost:6379',
      BATON_TIMEZONE: 'Mars/Olympus',
      BATON_QUEUE_PREFIX: 'has:colon',
      BATON_ADMIN_TOKEN: 'short',
      BATON_SIMULATOR: 'yes',
      LOG_LEVEL: 'loud',
    };
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const names = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(names.sort()).toEqual(Object.keys(env).sort());
    expect((error as ConfigError).message).toContain('Invalid configuration');
  });
});

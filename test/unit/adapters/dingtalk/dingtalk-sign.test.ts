import { describe, expect, it } from 'vitest';
import {
  dingtalkSign,
  signedWebhookUrl,
  verifyRobotRequest,
} from '../../../../adapters/dingtalk/dingtalk-sign.js';

const SECRET = 'this-is-the-app-secret';
const NOW = new Date('2026-11-22T08:00:00Z');
const WINDOW_MS = 5 * 60 * 1000;

describe('DingTalk signatures', () => {
  it('signs timestamp + newline + secret with HMAC-SHA256, base64', () => {
    // Computed independently: printf '1700000000000\nSECabc' | openssl dgst -sha256 -hmac SECabc -binary | base64
    expect(dingtalkSign('1700000000000', 'SECabc')).toBe(
      'jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM=',
    );
  });

  it('accepts a fresh, correctly signed request', () => {
    const timestamp = String(NOW.getTime() - 5_000);
    const sign = dingtalkSign(timestamp, SECRET);
    expect(verifyRobotRequest({ timestamp, sign }, SECRET, NOW, WINDOW_MS)).toBe('ok');
  });

  it('refuses forged, stale and unsigned requests', () => {
    const timestamp = String(NOW.getTime());
    expect(
      verifyRobotRequest(
        { timestamp, sign: dingtalkSign(timestamp, 'wrong') },
        SECRET,
        NOW,
        WINDOW_MS,
      ),
    ).toBe('forged');
    expect(verifyRobotRequest({ timestamp, sign: 'short' }, SECRET, NOW, WINDOW_MS)).toBe('forged');
    const old = String(NOW.getTime() - WINDOW_MS - 1);
    expect(
      verifyRobotRequest(
        { timestamp: old, sign: dingtalkSign(old, SECRET) },
        SECRET,
        NOW,
        WINDOW_MS,
      ),
    ).toBe('stale');
    expect(verifyRobotRequest({ timestamp }, SECRET, NOW, WINDOW_MS)).toBe('missing');
    expect(verifyRobotRequest({ timestamp: 'abc', sign: 'x' }, SECRET, NOW, WINDOW_MS)).toBe(
      'missing',
    );
  });

  it('appends timestamp and sign to a custom robot URL, URL-encoded', () => {
    const url = new URL(signedWebhookUrl('https://oapi.example', 'tok', 'SECabc', NOW));
    expect(url.pathname).toBe('/robot/send');
    expect(url.searchParams.get('access_token')).toBe('tok');
    const timestamp = String(NOW.getTime());
    expect(url.searchParams.get('timestamp')).toBe(timestamp);
    expect(url.searchParams.get('sign')).toBe(dingtalkSign(timestamp, 'SECabc'));
    expect(url.search).not.toContain('+');
    expect(signedWebhookUrl('https://oapi.example', 'tok', null, NOW)).toBe(
      'https://oapi.example/robot/send?access_token=tok',
    );
  });
});

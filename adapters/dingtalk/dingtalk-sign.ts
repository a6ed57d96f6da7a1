import { createHmac, timingSafeEqual } from 'node:crypto';

/** DingTalk's signature: base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)). */
export function dingtalkSign(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

export type RobotRequestCheck = 'ok' | 'missing' | 'stale' | 'forged';

/**
 * Checks an HTTP-mode robot request: the timestamp within `windowMs` of now and the sign made
 * with the app secret, compared in constant time.
 */
export function verifyRobotRequest(
  headers: { timestamp?: string | undefined; sign?: string | undefined },
  appSecret: string,
  now: Date,
  windowMs: number,
): RobotRequestCheck {
  const { timestamp, sign } = headers;
  if (!timestamp || !sign || !/^\d{1,16}$/.test(timestamp)) return 'missing';
  if (Math.abs(now.getTime() - Number(timestamp)) > windowMs) return 'stale';
  const expected = Buffer.from(dingtalkSign(timestamp, appSecret));
  const given = Buffer.from(sign);
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'forged';
}

/** A custom robot's webhook URL with `timestamp` and `sign` appended (the 加签 security setting). */
export function signedWebhookUrl(
  oapiBase: string,
  accessToken: string,
  secret: string | null,
  now: Date,
): string {
  const url = new URL(`${oapiBase}/robot/send`);
  url.searchParams.set('access_token', accessToken);
  if (secret) {
    const timestamp = String(now.getTime());
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('sign', dingtalkSign(timestamp, secret));
  }
  return url.toString();
}

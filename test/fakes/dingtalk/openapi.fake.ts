import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeDingTalkContacts } from './contacts.fake.js';
import { reply } from './stream-gateway.fake.js';

export type ApiFailure = 'expired-token' | 'qps' | 'server-error' | { slowMs: number };

export interface GroupMessage {
  readonly robotCode: string;
  readonly openConversationId: string;
  readonly msgKey: string;
  readonly msgParam: Record<string, string>;
}

export interface PrivateMessage {
  readonly robotCode: string;
  readonly userIds: string[];
  readonly msgKey: string;
  readonly msgParam: Record<string, string>;
}

export interface CardInstance {
  readonly outTrackId: string;
  readonly cardTemplateId: string;
  readonly openSpaceId: string;
  readonly callbackType: string;
  readonly atUserIds: Record<string, string>;
  cardParamMap: Record<string, string>;
  updates: number;
}

export interface WebhookMessage {
  /** `session:<id>` for session webhooks, `robot:<access_token>` for custom robots. */
  readonly channel: string;
  readonly body: {
    msgtype: string;
    text?: { content: string };
    markdown?: { title: string; text: string };
    at?: { atUserIds?: string[] };
  };
}

/**
 * DingTalk's OpenAPI (`api.dingtalk.com`) and classic robot webhooks (`oapi.dingtalk.com`),
 * locally: access tokens, group and private robot messages, card instances, session webhooks
 * and signed custom robots. Failures can be queued per path (expired token, QPS 403, 500, slow).
 */
export class FakeOpenApi {
  readonly calls: { method: string; path: string }[] = [];
  readonly groupMessages: GroupMessage[] = [];
  readonly privateMessages: PrivateMessage[] = [];
  readonly cards = new Map<string, CardInstance>();
  readonly webhookMessages: WebhookMessage[] = [];
  /** Users DingTalk does not know: batchSend lists them in `invalidStaffIdList`. */
  readonly unknownUsers = new Set<string>();
  /** Custom robots: access token → 加签 secret (null: keyword security only). */
  readonly customRobots = new Map<string, string | null>();
  /** The contacts (通讯录) APIs, answering on `/topapi/...` with a valid `access_token`. */
  readonly contacts = new FakeDingTalkContacts();
  tokensIssued = 0;
  private readonly validTokens = new Set<string>();
  private readonly failures = new Map<string, ApiFailure[]>();

  constructor(private readonly credentials: { appKey: string; appSecret: string }) {}

  /** The next calls to `path` fail (or are slow), one queued failure per call. */
  failNext(path: string, ...failures: ApiFailure[]): void {
    this.failures.set(path, [...(this.failures.get(path) ?? []), ...failures]);
  }

  /** Every issued token stops working, as after DingTalk's 2-hour expiry. */
  expireTokens(): void {
    this.validTokens.clear();
  }

  async handleHttp(req: IncomingMessage, body: unknown, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    this.calls.push({ method: req.method ?? '', path });
    const failure = this.failures.get(path)?.shift();
    if (typeof failure === 'object') await new Promise((r) => setTimeout(r, failure.slowMs));
    else if (failure === 'qps') {
      return reply(res, 403, {
        code: 'Forbidden.AccessDenied.QpsLimitForAppkeyAndApi',
        message: '调用频率超限',
      });
    } else if (failure === 'server-error')
      return reply(res, 500, { code: 'ServiceUnavailable', message: 'busy' });
    else if (failure === 'expired-token') this.expireTokens();

    if (path === '/v1.0/oauth2/accessToken') return this.token(body, res);
    if (path === '/robot/send') return this.customRobot(url, body, res);
    if (path === '/robot/sendBySession') {
      this.webhookMessages.push({
        channel: `session:${url.searchParams.get('session')}`,
        body: body as WebhookMessage['body'],
      });
      return reply(res, 200, { errcode: 0, errmsg: 'ok' });
    }
    if (path.startsWith('/topapi/')) {
      if (!this.validTokens.has(url.searchParams.get('access_token') ?? '')) {
        return reply(res, 200, { errcode: 40014, errmsg: '不合法的access_token' });
      }
      return this.contacts.handle(path, (body ?? {}) as Record<string, unknown>, res);
    }
    const token = req.headers['x-acs-dingtalk-access-token'];
    if (typeof token !== 'string' || !this.validTokens.has(token)) {
      return reply(res, 400, { code: 'InvalidAuthentication', message: '不合法的access_token' });
    }
    const b = body as Record<string, unknown>;
    const key = `${req.method} ${path}`;
    if (key === 'POST /v1.0/robot/groupMessages/send') {
      this.groupMessages.push({
        ...(b as unknown as GroupMessage),
        msgParam: JSON.parse(String(b.msgParam)),
      });
      return reply(res, 200, { processQueryKey: `pqk-${this.calls.length}` });
    }
    if (key === 'POST /v1.0/robot/oToMessages/batchSend') {
      const userIds = b.userIds as string[];
      const invalid = userIds.filter((u) => this.unknownUsers.has(u));
      if (invalid.length < userIds.length) {
        this.privateMessages.push({
          ...(b as unknown as PrivateMessage),
          userIds: userIds.filter((u) => !invalid.includes(u)),
          msgParam: JSON.parse(String(b.msgParam)),
        });
      }
      return reply(res, 200, {
        processQueryKey: `pqk-${this.calls.length}`,
        invalidStaffIdList: invalid,
        flowControlledStaffIdList: [],
      });
    }
    if (key === 'POST /v1.0/card/instances/createAndDeliver') return this.createCard(b, res);
    if (key === 'PUT /v1.0/card/instances') return this.updateCard(b, res);
    return reply(res, 404, { code: 'NotFound', message: key });
  }

  private token(body: unknown, res: ServerResponse): true {
    const { appKey, appSecret } = body as { appKey?: string; appSecret?: string };
    if (appKey !== this.credentials.appKey || appSecret !== this.credentials.appSecret) {
      return reply(res, 400, {
        code: 'invalidClientIdOrSecret',
        message: '无效的clientId或者clientSecret',
      });
    }
    const accessToken = `token-${++this.tokensIssued}`;
    this.validTokens.add(accessToken);
    return reply(res, 200, { accessToken, expireIn: 7200 });
  }

  private customRobot(url: URL, body: unknown, res: ServerResponse): true {
    const token = url.searchParams.get('access_token') ?? '';
    if (!this.customRobots.has(token))
      return reply(res, 200, { errcode: 300005, errmsg: 'token is not exist' });
    const secret = this.customRobots.get(token);
    if (secret) {
      const timestamp = url.searchParams.get('timestamp') ?? '';
      const expected = createHmac('sha256', secret)
        .update(`${timestamp}\n${secret}`)
        .digest('base64');
      if (Math.abs(Date.now() - Number(timestamp)) > 3_600_000)
        return reply(res, 200, { errcode: 310000, errmsg: 'invalid timestamp' });
      if (url.searchParams.get('sign') !== expected)
        return reply(res, 200, { errcode: 310000, errmsg: 'sign not match' });
    }
    this.webhookMessages.push({ channel: `robot:${token}`, body: body as WebhookMessage['body'] });
    return reply(res, 200, { errcode: 0, errmsg: 'ok' });
  }

  private createCard(b: Record<string, unknown>, res: ServerResponse): true {
    const deliver = (b.imGroupOpenDeliverModel ?? b.imRobotOpenDeliverModel ?? {}) as {
      atUserIds?: Record<string, string>;
    };
    const card: CardInstance = {
      outTrackId: String(b.outTrackId),
      cardTemplateId: String(b.cardTemplateId),
      openSpaceId: String(b.openSpaceId),
      callbackType: String(b.callbackType),
      atUserIds: deliver.atUserIds ?? {},
      cardParamMap: (b.cardData as { cardParamMap: Record<string, string> }).cardParamMap,
      updates: 0,
    };
    this.cards.set(card.outTrackId, card);
    const spaceType = card.openSpaceId.includes('IM_GROUP') ? 'IM_GROUP' : 'IM_ROBOT';
    return reply(res, 200, {
      success: true,
      result: {
        outTrackId: card.outTrackId,
        deliverResults: [{ spaceType, spaceId: card.openSpaceId, success: true, carrierId: 'c1' }],
      },
    });
  }

  private updateCard(b: Record<string, unknown>, res: ServerResponse): true {
    const card = this.cards.get(String(b.outTrackId));
    if (!card) return reply(res, 400, { code: 'param.error', message: 'card not found' });
    const params = (b.cardData as { cardParamMap: Record<string, string> }).cardParamMap;
    card.cardParamMap = { ...card.cardParamMap, ...params };
    card.updates += 1;
    return reply(res, 200, { success: true, result: true });
  }
}

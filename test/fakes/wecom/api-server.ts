import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';

/** A call the fake took, with the answer it gave. */
export interface RecordedApiCall {
  readonly api: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: Record<string, unknown> | null;
  readonly errcode: number;
  /** When the call arrived (`performance.now()`, the test process's clock). */
  readonly at: number;
}

/** One injected failure: a WeCom errcode, an HTTP status, or a slow (but correct) answer. */
export type ApiFailure =
  | { readonly errcode: number; readonly errmsg?: string }
  | { readonly status: number }
  | { readonly delayMs: number };

type Api =
  | 'gettoken'
  | 'message/send'
  | 'update_template_card'
  | 'webhook/send'
  | 'aibot/response'
  | 'department/list'
  | 'department/simplelist'
  | 'user/list'
  | 'user/simplelist';

export interface FakeWecomDepartment {
  id: number;
  name: string;
  parentid: number;
  leaders: string[];
}

export interface FakeWecomMember {
  userid: string;
  name: string;
  department: number[];
  /** 1 active, 2 disabled, 4 not activated, 5 left. */
  status: number;
}

/** The contacts (通讯录) the fake answers with; `refused` APIs answer 48002 (no permission). */
export interface FakeWecomDirectory {
  readonly departments: Map<number, FakeWecomDepartment>;
  readonly members: Map<string, FakeWecomMember>;
  readonly refused: Set<Api>;
  /** Answer names as the userid, as WeCom does for apps that may not read names. */
  maskNames: boolean;
}

/** The errcode this fake gives for a used or unknown response_code (WeCom's is not documented). */
export const FAKE_SPENT_CODE_ERRCODE = 40058;

/**
 * A local WeCom HTTP API (`WECOM_API_BASE`): gettoken, message/send, update_template_card,
 * webhook/send and aibot/response, with WeCom's token rules (42001 for expired tokens, 40014 for
 * unknown ones), single-use response codes, webhook keys (93000 for unknown ones) and failures
 * injected per API.
 */
export async function startFakeWecomApi(options: {
  readonly corpId: string;
  readonly secret: string;
  readonly webhookKeys?: readonly string[];
}) {
  const app = Fastify({ logger: false });
  const calls: RecordedApiCall[] = [];
  const failures = new Map<Api, ApiFailure[]>();
  const throttles = new Map<Api, { errcode: number; untilMs: number }>();
  const liveTokens = new Set<string>();
  const expiredTokens = new Set<string>();
  const responseCodes = new Set<string>();
  const directory: FakeWecomDirectory = {
    departments: new Map([[1, { id: 1, name: '示例集团', parentid: 0, leaders: [] }]]),
    members: new Map(),
    refused: new Set(),
    maskNames: false,
  };
  let counter = 0;

  /** Answers one call: injected failure first, then `handle`'s errcode and payload. */
  const serve = (
    api: Api,
    handle: (query: Record<string, string>, body: Record<string, unknown> | null) => object,
  ) => {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const query = request.query as Record<string, string>;
      const body = (request.body ?? null) as Record<string, unknown> | null;
      const throttle = throttles.get(api);
      const failure =
        throttle && Date.now() < throttle.untilMs
          ? { errcode: throttle.errcode, errmsg: 'api freq out of limit' }
          : failures.get(api)?.shift();
      if (failure && 'delayMs' in failure) await sleep(failure.delayMs);
      if (failure && 'status' in failure) {
        calls.push({ api, query, body, errcode: -failure.status, at: performance.now() });
        return reply.status(failure.status).send({ errcode: -1, errmsg: 'injected' });
      }
      const answer =
        failure && 'errcode' in failure
          ? { errcode: failure.errcode, errmsg: failure.errmsg ?? 'injected' }
          : { errcode: 0, errmsg: 'ok', ...handle(query, body) };
      calls.push({ api, query, body, errcode: answer.errcode, at: performance.now() });
      return reply.status(200).send(answer);
    };
  };

  const tokenError = (query: Record<string, string>) => {
    const token = query.access_token ?? '';
    if (liveTokens.has(token)) return null;
    return expiredTokens.has(token)
      ? { errcode: 42001, errmsg: 'access_token expired' }
      : { errcode: 40014, errmsg: 'invalid access_token' };
  };

  app.get(
    '/cgi-bin/gettoken',
    serve('gettoken', (query) => {
      if (query.corpid !== options.corpId) return { errcode: 40013, errmsg: 'invalid corpid' };
      if (query.corpsecret !== options.secret)
        return { errcode: 40001, errmsg: 'invalid credential' };
      const token = `tok-${++counter}`;
      liveTokens.add(token);
      return { access_token: token, expires_in: 7200 };
    }),
  );
  app.post(
    '/cgi-bin/message/send',
    serve('message/send', (query, body) => {
      const refused = tokenError(query);
      if (refused) return refused;
      const msgid = `msg-${++counter}`;
      if (body?.msgtype !== 'template_card') return { msgid };
      const code = `rc-${counter}`;
      responseCodes.add(code);
      return { msgid, response_code: code };
    }),
  );
  app.post(
    '/cgi-bin/message/update_template_card',
    serve('update_template_card', (query, body) => {
      const refused = tokenError(query);
      if (refused) return refused;
      const code = String(body?.response_code ?? '');
      if (!responseCodes.delete(code)) {
        return { errcode: FAKE_SPENT_CODE_ERRCODE, errmsg: 'invalid response_code' };
      }
      return {};
    }),
  );
  app.post(
    '/cgi-bin/webhook/send',
    serve('webhook/send', (query) =>
      (options.webhookKeys ?? []).includes(query.key ?? '')
        ? {}
        : { errcode: 93000, errmsg: 'invalid webhook url' },
    ),
  );
  app.post(
    '/cgi-bin/aibot/response',
    serve('aibot/response', () => ({})),
  );

  const contacts = (api: Api, answer: (query: Record<string, string>) => object) =>
    serve(api, (query) => {
      const refused = tokenError(query);
      if (refused) return refused;
      if (directory.refused.has(api)) return { errcode: 48002, errmsg: 'api forbidden' };
      return answer(query);
    });
  const membersOf = (query: Record<string, string>) =>
    [...directory.members.values()].filter((m) =>
      m.department.includes(Number(query.department_id)),
    );
  app.get(
    '/cgi-bin/department/list',
    contacts('department/list', () => ({
      department: [...directory.departments.values()].map((d) => ({
        id: d.id,
        name: d.name,
        parentid: d.parentid,
        order: 1,
        department_leader: d.leaders,
      })),
    })),
  );
  app.get(
    '/cgi-bin/department/simplelist',
    contacts('department/simplelist', () => ({
      department_id: [...directory.departments.values()].map((d) => ({
        id: d.id,
        parentid: d.parentid,
        order: 1,
      })),
    })),
  );
  app.get(
    '/cgi-bin/user/list',
    contacts('user/list', (query) => ({
      userlist: membersOf(query).map((m) => ({
        userid: m.userid,
        name: directory.maskNames ? m.userid : m.name,
        department: m.department,
        main_department: m.department[0],
        is_leader_in_dept: m.department.map((d) =>
          directory.departments.get(d)?.leaders.includes(m.userid) ? 1 : 0,
        ),
        status: m.status,
      })),
    })),
  );
  app.get(
    '/cgi-bin/user/simplelist',
    // No status here: people who left are simply not listed.
    contacts('user/simplelist', (query) => ({
      userlist: membersOf(query)
        .filter((m) => m.status !== 5)
        .map((m) => ({
          userid: m.userid,
          name: directory.maskNames ? m.userid : m.name,
          department: m.department,
        })),
    })),
  );

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('fake WeCom API did not listen');
  const url = `http://127.0.0.1:${address.port}`;

  return {
    url,
    calls,
    /** The contacts the fake answers with; edit it between syncs. */
    directory,
    /** Calls of one API, in order. */
    callsOf: (api: Api) => calls.filter((c) => c.api === api),
    /** The next `count` calls of `api` fail (or are slow) as `failure` says. */
    failNext(api: Api, failure: ApiFailure, count = 1) {
      const queue = failures.get(api) ?? [];
      for (let i = 0; i < count; i++) queue.push(failure);
      failures.set(api, queue);
    },
    /** Every call of `api` is refused with `errcode` (45009: over the limit) for `forMs`. */
    throttle(api: Api, errcode: number, forMs: number) {
      throttles.set(api, { errcode, untilMs: Date.now() + forMs });
    },
    /** A fresh response code, as WeCom puts in each card click callback. */
    issueResponseCode() {
      const code = `rc-click-${++counter}`;
      responseCodes.add(code);
      return code;
    },
    /** Every token issued so far expires now (WeCom may do so before expires_in). */
    expireTokens() {
      for (const token of liveTokens) expiredTokens.add(token);
      liveTokens.clear();
    },
    close: () => app.close(),
  };
}

export type FakeWecomApi = Awaited<ReturnType<typeof startFakeWecomApi>>;

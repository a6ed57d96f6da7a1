import { z } from 'zod';
import type {
  DirectorySnapshot,
  PlatformDepartment,
  PlatformMember,
} from '../../../src/domain/directory/directory.types.js';
import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import type { ContactsSource } from '../../../src/ports/contacts-source.port.js';
import { retryPlatformCall } from '../../retry-platform-call.js';
import type { AccessTokens } from './access-token.js';
import type { HttpJson } from './http-json.js';
import { jittered, webhookFailure } from './openapi-errors.js';

/** DingTalk's root department: the organisation itself. */
const ROOT = 1;
/** `topapi/v2/user/list` pages hold at most 100 users. */
const PAGE_SIZE = 100;
const ATTEMPTS = 4;
/** Classic APIs' errcodes for a token DingTalk no longer accepts. */
const TOKEN_ERRCODES = new Set([40014, 42001, 40001]);

const answer = z.looseObject({ errcode: z.number().default(0), errmsg: z.string().default('') });
const subDepartments = z.object({
  result: z.array(
    z.looseObject({ dept_id: z.number(), name: z.string(), parent_id: z.number().optional() }),
  ),
});
const userPage = z.object({
  result: z.object({
    has_more: z.boolean(),
    next_cursor: z.number().optional(),
    list: z.array(
      z.looseObject({
        userid: z.string(),
        name: z.string(),
        dept_id_list: z.array(z.number()).default([]),
        leader: z.boolean().default(false),
        active: z.boolean().default(true),
      }),
    ),
  }),
});

/**
 * The internal app's contacts (通讯录) through the classic `oapi.dingtalk.com/topapi` APIs:
 * departments level by level from the root (`v2/department/listsub`), then each department's
 * members a page of 100 at a time (`v2/user/list`, cursor paging; `leader` says who leads the
 * department listed). Contact APIs do not count toward the monthly call quota. Rate limits and
 * 5xx are retried with backoff; any page that still fails fails the whole read.
 */
export function createDingTalkContacts(deps: {
  readonly oapiBase: string;
  readonly http: HttpJson;
  readonly tokens: AccessTokens;
  readonly retryBaseMs?: number;
}): ContactsSource {
  const call = (path: string, body: object): Promise<unknown> =>
    retryPlatformCall(() => callOnce(path, body), {
      attempts: ATTEMPTS,
      delayMs: (_err, attempt) => jittered((deps.retryBaseMs ?? 500) * 2 ** (attempt - 1)),
    });
  const callOnce = async (path: string, body: object, refreshed = false): Promise<unknown> => {
    const token = await deps.tokens.get();
    const url = `${deps.oapiBase}${path}?access_token=${encodeURIComponent(token)}`;
    const reply = await deps.http('POST', url, body);
    if (reply.status >= 500 || reply.status === 429) {
      throw new ChatPlatformError('transient', `DingTalk ${path} answered ${reply.status}`);
    }
    const { errcode, errmsg } = answer.catch({ errcode: -1, errmsg: 'not JSON' }).parse(reply.body);
    if (TOKEN_ERRCODES.has(errcode) && !refreshed) {
      await deps.tokens.invalidate(token);
      return callOnce(path, body, true);
    }
    const failure = webhookFailure(errcode, errmsg);
    if (failure) throw failure;
    return reply.body;
  };

  const departments = async (): Promise<PlatformDepartment[]> => {
    const found: PlatformDepartment[] = [];
    const queue = [ROOT];
    for (let parent = queue.shift(); parent !== undefined; parent = queue.shift()) {
      const { result } = subDepartments.parse(
        await call('/topapi/v2/department/listsub', { dept_id: parent }),
      );
      for (const d of result) {
        found.push({
          platformId: String(d.dept_id),
          name: d.name,
          parentPlatformId: String(d.parent_id ?? parent),
          leaderUserIds: [],
        });
        queue.push(d.dept_id);
      }
    }
    return found;
  };

  const membersOf = async (deptId: number) => {
    const users: z.infer<typeof userPage>['result']['list'] = [];
    for (let cursor = 0; ; ) {
      const { result } = userPage.parse(
        await call('/topapi/v2/user/list', { dept_id: deptId, cursor, size: PAGE_SIZE }),
      );
      users.push(...result.list);
      if (!result.has_more || result.next_cursor === undefined) return users;
      cursor = result.next_cursor;
    }
  };

  return {
    platform: 'dingtalk',
    async fetchSnapshot(): Promise<DirectorySnapshot> {
      const depts = await departments();
      const leaders = new Map<string, string[]>();
      const members = new Map<string, PlatformMember>();
      for (const deptId of [ROOT, ...depts.map((d) => Number(d.platformId))]) {
        for (const user of await membersOf(deptId)) {
          if (!user.active) continue;
          // Someone in several departments is listed in each; their own list is the same.
          members.set(user.userid, {
            userId: user.userid,
            name: user.name,
            departmentPlatformIds: user.dept_id_list.filter((id) => id !== ROOT).map(String),
          });
          if (user.leader)
            leaders.set(String(deptId), [...(leaders.get(String(deptId)) ?? []), user.userid]);
        }
      }
      return {
        platform: 'dingtalk',
        departments: depts.map((d) => ({ ...d, leaderUserIds: leaders.get(d.platformId) ?? [] })),
        members: [...members.values()],
      };
    },
  };
}

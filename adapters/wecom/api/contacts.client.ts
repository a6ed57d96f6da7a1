import { z } from 'zod';
import type {
  DirectorySnapshot,
  PlatformDepartment,
  PlatformMember,
} from '../../../src/domain/directory/directory.types.js';
import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import type { ContactsSource } from '../../../src/ports/contacts-source.port.js';
import { retryPlatformCall } from '../../retry-platform-call.js';
import type { AccessTokens } from './access-token.cache.js';
import { StaleTokenError, type WecomAnswer, type WecomHttp } from './wecom-http.js';

/** WeCom's root department: the company itself. */
const ROOT = 1;
const ATTEMPTS = 4;
/** No permission for this API or outside the app's visible range: read less instead. */
const REFUSED = new Set(['48002', '60011']);
/** Member statuses: 1 active, 4 not yet activated; 2 (disabled) and 5 (left) are gone. */
const PRESENT = new Set([1, 4]);

const departmentList = z.object({
  department: z.array(
    z.looseObject({
      id: z.number(),
      name: z.string().optional(),
      parentid: z.number().default(0),
      department_leader: z.array(z.string()).default([]),
    }),
  ),
});
const simpleDepartments = z.object({
  department_id: z.array(z.looseObject({ id: z.number(), parentid: z.number().default(0) })),
});
const userList = z.object({
  userlist: z.array(
    z.looseObject({
      userid: z.string(),
      name: z.string().optional(),
      department: z.array(z.number()).default([]),
      main_department: z.number().optional(),
      is_leader_in_dept: z.array(z.number()).default([]),
      status: z.number().default(1),
    }),
  ),
});

type Member = z.infer<typeof userList>['userlist'][number];

/**
 * The self-built app's view of WeCom contacts (通讯录): `department/list` (names and leaders;
 * `department/simplelist`, ids only, when the app may not read it), then each department's
 * `user/list` (`user/simplelist` when refused). WeCom has no paging on these: one call per
 * department. A name WeCom masks (empty, or the userid itself) counts as unknown, so a name
 * the directory already has stays. Rate limits and busy answers are retried with backoff.
 */
export function createWecomContacts(deps: {
  readonly http: WecomHttp;
  readonly tokens: AccessTokens;
  readonly apiBase: string;
  readonly retryBaseMs?: number;
}): ContactsSource {
  const get = (api: string, query: Record<string, string>): Promise<WecomAnswer> =>
    retryPlatformCall(() => getWithToken(api, query), {
      attempts: ATTEMPTS,
      delayMs: (err, attempt) =>
        Math.min(err.options.retryAfterMs ?? Infinity, (deps.retryBaseMs ?? 500) * 2 ** attempt),
    });
  const getWithToken = async (api: string, query: Record<string, string>) => {
    const attempt = (token: string) => {
      const url = new URL(`/cgi-bin/${api}`, deps.apiBase);
      for (const [key, value] of Object.entries({ ...query, access_token: token })) {
        url.searchParams.set(key, value);
      }
      return deps.http.call(api, url, { method: 'GET' });
    };
    const token = await deps.tokens.get();
    try {
      return await attempt(token);
    } catch (error) {
      if (!(error instanceof StaleTokenError)) throw error;
      return attempt(await deps.tokens.refresh(token)).catch((again: unknown) => {
        throw again instanceof StaleTokenError ? again.asPlatformError() : again;
      });
    }
  };
  /** `api`, or `fallback` when WeCom says the app may not call `api`. */
  const getOr = async (api: string, fallback: string, query: Record<string, string>) => {
    try {
      return { api, answer: await get(api, query) };
    } catch (err) {
      if (!(err instanceof ChatPlatformError && REFUSED.has(err.options.code ?? ''))) throw err;
      return { api: fallback, answer: await get(fallback, query) };
    }
  };

  const departments = async (): Promise<PlatformDepartment[]> => {
    const { api, answer } = await getOr('department/list', 'department/simplelist', {});
    const rows =
      api === 'department/list'
        ? departmentList.parse(answer).department
        : simpleDepartments
            .parse(answer)
            .department_id.map((d) => ({ ...d, name: undefined, department_leader: [] }));
    return rows
      .filter((d) => d.id !== ROOT)
      .map((d) => ({
        platformId: String(d.id),
        name: d.name || null,
        parentPlatformId: String(d.parentid),
        leaderUserIds: d.department_leader,
      }));
  };

  return {
    platform: 'wecom',
    async fetchSnapshot(): Promise<DirectorySnapshot> {
      const depts = await departments();
      const members = new Map<string, Member>();
      for (const deptId of [ROOT, ...depts.map((d) => Number(d.platformId))]) {
        const { answer } = await getOr('user/list', 'user/simplelist', {
          department_id: String(deptId),
        });
        for (const user of userList.parse(answer).userlist) {
          if (PRESENT.has(user.status)) members.set(user.userid, user);
        }
      }
      const leaders = new Map<string, string[]>();
      for (const user of members.values()) {
        user.department.forEach((deptId, i) => {
          if (user.is_leader_in_dept[i] === 1)
            leaders.set(String(deptId), [...(leaders.get(String(deptId)) ?? []), user.userid]);
        });
      }
      return {
        platform: 'wecom',
        departments: depts.map((d) => ({
          ...d,
          leaderUserIds:
            d.leaderUserIds.length > 0 ? d.leaderUserIds : (leaders.get(d.platformId) ?? []),
        })),
        members: [...members.values()].map(
          (user): PlatformMember => ({
            userId: user.userid,
            name: user.name && user.name !== user.userid ? user.name : null,
            departmentPlatformIds: mainFirst(user.department, user.main_department)
              .filter((id) => id !== ROOT)
              .map(String),
          }),
        ),
      };
    },
  };
}

function mainFirst(departments: readonly number[], main: number | undefined): number[] {
  return main === undefined ? [...departments] : [main, ...departments.filter((d) => d !== main)];
}

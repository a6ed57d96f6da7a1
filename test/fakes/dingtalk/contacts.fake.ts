import type { ServerResponse } from 'node:http';
import { reply } from './stream-gateway.fake.js';

export interface FakeDepartment {
  id: number;
  name: string;
  parentId: number;
}

export interface FakeUser {
  userid: string;
  name: string;
  deptIds: number[];
  leaderOf: number[];
}

/**
 * DingTalk's classic contacts APIs (`topapi/v2/department/listsub`, `topapi/v2/user/list`) over
 * an editable directory, with cursor paging, per-call failures and a record of every call.
 */
export class FakeDingTalkContacts {
  readonly departments = new Map<number, FakeDepartment>();
  readonly users = new Map<string, FakeUser>();
  readonly calls: { path: string; body: Record<string, unknown> }[] = [];
  private readonly failures: { path: string; deptId?: number; cursor?: number; errcode: number }[] =
    [];

  /** Adds `people` users in `departmentCount` departments (two levels), leaders included. */
  seed(departmentCount: number, people: number): void {
    for (let d = 0; d < departmentCount; d += 1) {
      const id = 100 + d;
      const parentId = d < 10 ? 1 : 100 + (d % 10);
      this.departments.set(id, { id, name: `部门${d}`, parentId });
    }
    for (let u = 0; u < people; u += 1) {
      const dept = 100 + (u % departmentCount);
      this.users.set(`u${u}`, {
        userid: `u${u}`,
        name: `员工${u}`,
        deptIds: [dept],
        leaderOf: u < departmentCount ? [dept] : [],
      });
    }
  }

  /** The next matching call answers `errcode` (e.g. 90018 rate limit, -1 busy, 60011 no permission). */
  failNext(path: string, errcode: number, where: { deptId?: number; cursor?: number } = {}): void {
    this.failures.push({ path, errcode, ...where });
  }

  handle(path: string, body: Record<string, unknown>, res: ServerResponse): boolean {
    if (!path.startsWith('/topapi/')) return false;
    this.calls.push({ path, body });
    const failure = this.failures.findIndex(
      (f) =>
        f.path === path &&
        (f.deptId === undefined || f.deptId === body.dept_id) &&
        (f.cursor === undefined || f.cursor === body.cursor),
    );
    if (failure >= 0) {
      const [f] = this.failures.splice(failure, 1);
      reply(res, 200, { errcode: f?.errcode, errmsg: 'fake failure', request_id: 'r' });
      return true;
    }
    if (path === '/topapi/v2/department/listsub') {
      const result = [...this.departments.values()]
        .filter((d) => d.parentId === body.dept_id)
        .map((d) => ({
          dept_id: d.id,
          name: d.name,
          parent_id: d.parentId,
          create_dept_group: false,
        }));
      reply(res, 200, { errcode: 0, errmsg: 'ok', result, request_id: 'r' });
      return true;
    }
    if (path === '/topapi/v2/user/list') {
      const deptId = Number(body.dept_id);
      const cursor = Number(body.cursor ?? 0);
      const size = Number(body.size);
      if (!(size >= 1 && size <= 100)) {
        reply(res, 200, { errcode: 40035, errmsg: '不合法的参数', request_id: 'r' });
        return true;
      }
      const all = [...this.users.values()].filter((u) => u.deptIds.includes(deptId));
      const list = all.slice(cursor, cursor + size).map((u) => ({
        userid: u.userid,
        unionid: `union-${u.userid}`,
        name: u.name,
        dept_id_list: u.deptIds,
        leader: u.leaderOf.includes(deptId),
        active: true,
        admin: false,
      }));
      const hasMore = cursor + size < all.length;
      reply(res, 200, {
        errcode: 0,
        errmsg: 'ok',
        result: { has_more: hasMore, ...(hasMore ? { next_cursor: cursor + size } : {}), list },
        request_id: 'r',
      });
      return true;
    }
    reply(res, 200, { errcode: 22, errmsg: `no such API ${path}` });
    return true;
  }
}

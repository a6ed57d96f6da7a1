/** A problem the schema alone cannot see: an id used but not defined, or defined twice. */
export interface ReferenceProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

type Entry = Record<string, unknown>;

const isEntry = (v: unknown): v is Entry =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
/** Entries of a list with their original index; anything malformed is the schema's to report. */
const entries = (v: unknown): [Entry, number][] =>
  Array.isArray(v) ? v.flatMap((e, i) => (isEntry(e) ? [[e, i] as [Entry, number]] : [])) : [];
const texts = (v: unknown): [string, number][] =>
  Array.isArray(v)
    ? v.flatMap((e, i) => (typeof e === 'string' ? [[e, i] as [string, number]] : []))
    : [];

/**
 * Checks the raw org file's cross-references: every id it mentions is defined once. Runs on the
 * raw YAML beside the schema so that one pass lists every problem in the file.
 */
export function findReferenceProblems(raw: unknown): ReferenceProblem[] {
  const file = isEntry(raw) ? raw : {};
  const problems: ReferenceProblem[] = [];
  const problem = (path: (string | number)[], message: string) => problems.push({ path, message });
  const once = (
    seen: Set<string>,
    path: (string | number)[],
    value: string | undefined,
    what: string,
  ) => {
    if (value === undefined) return;
    if (seen.has(value)) problem(path, `duplicate ${what} "${value}"`);
    seen.add(value);
  };
  const personIds = new Set<string>();
  const departmentIds = new Set<string>();
  const wecomIds = new Set<string>();
  const dingtalkIds = new Set<string>();
  const chatKeys = new Set<string>();
  const people = entries(file.people);
  const departments = entries(file.departments);
  const coordination = isEntry(file.coordination) ? file.coordination : {};
  for (const [p, i] of people) {
    once(personIds, ['people', i, 'id'], text(p.id), 'person id');
    once(wecomIds, ['people', i, 'wecom'], text(p.wecom), 'WeCom userid');
    once(dingtalkIds, ['people', i, 'dingtalk'], text(p.dingtalk), 'DingTalk userid');
  }
  for (const [d, i] of departments)
    once(departmentIds, ['departments', i, 'id'], text(d.id), 'department id');
  for (const [c, i] of entries(coordination.chats)) {
    once(
      chatKeys,
      ['coordination', 'chats', i, 'chatId'],
      `${text(c.platform)}/${text(c.chatId)}`,
      'chat',
    );
  }
  const person = (path: (string | number)[], ref: string | undefined) => {
    if (ref !== undefined && !personIds.has(ref)) problem(path, `unknown person "${ref}"`);
  };
  for (const [d, i] of departments) {
    person(['departments', i, 'liaison'], text(d.liaison));
    person(['departments', i, 'leader'], text(d.leader));
  }
  for (const [p, i] of people) {
    const dept = text(p.department);
    if (dept !== undefined && !departmentIds.has(dept)) {
      problem(['people', i, 'department'], `unknown department "${dept}"`);
    }
  }
  for (const [c, i] of texts(coordination.coordinators))
    person(['coordination', 'coordinators', i], c);
  for (const [c, i] of texts(coordination.leadership)) person(['coordination', 'leadership', i], c);
  for (const [a, i] of texts(file.admins)) person(['admins', i], a);
  return problems;
}

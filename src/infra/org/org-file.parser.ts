import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type CalendarFile, calendarFileSchema } from './calendar-year.schema.js';
import { findReferenceProblems } from './org-file.references.js';
import { type OrgFile, orgFileSchema } from './org-file.schema.js';

/** A problem in the org file, with where it is. */
export interface OrgFileProblem {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** The org file is refused as a whole; `problems` lists every one, with its line. */
export class OrgFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly OrgFileProblem[],
    what = 'org file',
  ) {
    const lines = problems.map((p) => `  ${file}:${p.line}:${p.column} ${p.path}: ${p.message}`);
    super(`Invalid ${what} ${file}:\n${lines.join('\n')}`);
    this.name = 'OrgFileError';
  }
}

export async function readOrgFile(path: string): Promise<OrgFile> {
  return parseOrgFile(await readFile(path, 'utf8'), path);
}

/** Parses and validates org-file YAML. Throws OrgFileError naming the line of every problem. */
export function parseOrgFile(text: string, fileName: string): OrgFile {
  return parseYamlFile(text, fileName, orgFileSchema, findReferenceProblems, 'org file');
}

export async function readCalendarFile(path: string): Promise<CalendarFile> {
  return parseCalendarFile(await readFile(path, 'utf8'), path);
}

/** Parses and validates a calendar file (one year of the State Council's schedule). */
export function parseCalendarFile(text: string, fileName: string): CalendarFile {
  return parseYamlFile(text, fileName, calendarFileSchema, () => [], 'calendar file');
}

/** YAML checked against `schema` and `moreProblems`; throws OrgFileError naming every line. */
function parseYamlFile<T>(
  text: string,
  fileName: string,
  schema: z.ZodType<T>,
  moreProblems: (raw: unknown) => readonly { path: (string | number)[]; message: string }[],
  what: string,
): T {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new OrgFileError(
      fileName,
      doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
        return {
          path: '(yaml)',
          line: pos.line,
          column: pos.col,
          message: e.message.split('\n')[0] ?? '',
        };
      }),
      what,
    );
  }
  const raw: unknown = doc.toJS() ?? {};
  const parsed = schema.safeParse(raw);
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues).map((issue) => ({
      path: issue.path.filter((k): k is string | number => typeof k !== 'symbol'),
      message: issue.message,
    })),
    ...moreProblems(raw),
  ];
  if (parsed.success && issues.length === 0) return parsed.data;
  throw new OrgFileError(
    fileName,
    issues.map(({ path, message }) => {
      const pos = lineCounter.linePos(offsetOf(doc.contents, path));
      return { path: path.join('.') || '(root)', line: pos.line, column: pos.col, message };
    }),
    what,
  );
}

/** Source offset of the deepest node on `path` that exists (a missing key points at its parent). */
function offsetOf(root: Node | null, path: readonly (string | number)[]): number {
  let node: Node | null = root;
  let offset = root?.range?.[0] ?? 0;
  for (const key of path) {
    const child = childOf(node, key);
    if (!child) break;
    node = child;
    offset = child.range?.[0] ?? offset;
  }
  return offset;
}

function childOf(node: Node | null, key: string | number): Node | null {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
    return (pair?.value as Node | undefined) ?? (pair?.key as Node | undefined) ?? null;
  }
  if (isSeq(node) && typeof key === 'number') return (node.items[key] as Node | undefined) ?? null;
  return null;
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OrgFileError, parseOrgFile } from '../../../src/infra/org/org-file.parser.js';
import { SAMPLE_ORG_FILE } from '../../../src/infra/project-paths.js';

function problemsOf(text: string) {
  try {
    parseOrgFile(text, 'org.yaml');
  } catch (err) {
    if (err instanceof OrgFileError) return err.problems;
    throw err;
  }
  throw new Error('expected the org file to be refused');
}

describe('parseOrgFile', () => {
  it('reads the sample organisation', () => {
    const org = parseOrgFile(readFileSync(SAMPLE_ORG_FILE, 'utf8'), SAMPLE_ORG_FILE);
    expect(org.tenant.id).toBe('default');
    expect(org.departments.map((d) => d.name)).toContain('后勤部');
    expect(org.people.find((p) => p.id === 'zhangsan')?.dingtalk).toBe('0123456789');
    expect(org.extraHolidays).toEqual(['2026-12-31']);
    expect(org.workHours).toEqual({ workStartMinute: 540, workEndMinute: 1080 });
    expect(org.escalation.remindBefore[0]).toEqual({ kind: 'share', share: 0.5 });
    expect(org.escalation.levels).toHaveLength(3);
    expect(org.escalation.urgent.levels[1]?.notify).toEqual(['leadership']);
  });

  it('fills defaults for a minimal file', () => {
    const org = parseOrgFile('departments: []\n', 'org.yaml');
    expect(org.timezone).toBe('Asia/Shanghai');
    expect(org.holidays).toBe('cn');
    expect(org.escalation.levels.map((l) => l.notify)).toEqual([
      ['owner', 'liaison'],
      ['coordination'],
      ['leadership'],
    ]);
    expect(org.escalation.urgent.remindBefore).toHaveLength(1);
  });

  it('lists every problem with its line', () => {
    const problems = problemsOf(readFileSync('test/fixtures/org/broken.yaml', 'utf8'));
    const at = (path: string) => problems.find((p) => p.path === path);
    expect(at('workHours')?.line).toBe(2);
    expect(at('departments.0.liaison')?.line).toBe(5);
    expect(at('people.1.id')).toMatchObject({ line: 8, message: 'duplicate person id "zhangsan"' });
    expect(at('people.1.department')).toMatchObject({
      line: 8,
      message: 'unknown department "marketing"',
    });
    expect(at('escalation.remindBefore.0')?.line).toBe(10);
    expect(at('escalation.levels.0.after')?.line).toBe(12);
  });

  it.each([
    ['unknown key', 'departmnts: []\n', '(root)', 1],
    ['bad date', 'extraHolidays: [2026-13-40]\n', 'extraHolidays.0', 1],
    ['impossible date', 'extraWorkdays: ["2026-02-30"]\n', 'extraWorkdays.0', 1],
    ['bad time zone', 'timezone: Mars/Base\n', 'timezone', 1],
    [
      'bad notify target',
      'escalation:\n  levels:\n    - { after: "0", notify: [everyone] }\n',
      'escalation.levels.0.notify.0',
      3,
    ],
    ['empty ladder', 'escalation:\n  levels: []\n', 'escalation.levels', 2],
    [
      'unknown coordinator',
      'coordination:\n  coordinators: [ghost]\n',
      'coordination.coordinators.0',
      2,
    ],
    [
      'bad platform',
      'coordination:\n  chats:\n    - { platform: slack, chatId: x }\n',
      'coordination.chats.0.platform',
      3,
    ],
  ])('refuses %s', (_name, text, path, line) => {
    const problem = problemsOf(text).find((p) => p.path === path);
    expect(problem?.line).toBe(line);
  });

  it('reports YAML syntax errors with their line', () => {
    const [problem] = problemsOf('departments:\n  - { id: a, name: b\npeople: []\n');
    expect(problem?.path).toBe('(yaml)');
    expect(problem?.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses duplicate keys', () => {
    expect(problemsOf('timezone: Asia/Shanghai\ntimezone: UTC\n')[0]?.line).toBe(2);
  });
});

import type { KpiDimension } from '../../domain/kpi/kpi.types.js';
import { NO_GROUP } from '../../domain/kpi/kpi.types.js';
import type { Org } from '../../domain/org/org.types.js';

/** What a KPI row's key is called for people: a department, person or template name. */
export type KpiLabeller = (key: string) => string;

export function kpiLabeller(
  org: Org,
  by: KpiDimension | null,
  templates: readonly { readonly key: string; readonly name: string }[] = [],
): KpiLabeller {
  const names = new Map<string, string>(
    by === 'department'
      ? org.departments.map((d) => [d.id, d.name])
      : by === 'person'
        ? org.people.map((p) => [p.id, p.name])
        : by === 'template'
          ? templates.map((t) => [t.key, t.name])
          : [['all', '全部']],
  );
  const none = by === 'template' ? '（手动创建）' : '（未分组）';
  return (key) => (key === NO_GROUP ? none : (names.get(key) ?? key));
}

const GROUP_HEADINGS: Readonly<Record<KpiDimension, string>> = {
  department: '部门',
  person: '人员',
  template: '流程模板',
};

/** The heading of the key column of a report grouped by `by`. */
export function groupHeading(by: KpiDimension | null): string {
  return by === null ? '范围' : GROUP_HEADINGS[by];
}

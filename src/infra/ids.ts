import { randomUUID } from 'node:crypto';

/** A prefixed random id (`tsk_3f9c…`): the prefix tells what it names in logs and URLs. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

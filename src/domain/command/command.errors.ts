import { DomainError } from '../shared/domain-error.js';
import type { CommandKind } from './command.types.js';
import { COMMAND_USAGE } from './command.usage.js';

/** A command that was understood as `kind` but written wrongly: says what, shows the usage. */
export function commandUsageError(kind: CommandKind, code: string, message: string): DomainError {
  return new DomainError(`command.${code}`, message, { usage: COMMAND_USAGE[kind] });
}

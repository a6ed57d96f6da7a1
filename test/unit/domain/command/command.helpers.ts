import { expect } from 'vitest';
import { parseCommand } from '../../../../src/domain/command/command.parser.js';
import type {
  Command,
  CommandKind,
  NodeRef,
  WholeTaskRef,
} from '../../../../src/domain/command/command.types.js';
import { COMMAND_USAGE } from '../../../../src/domain/command/command.usage.js';
import { DomainError } from '../../../../src/domain/shared/domain-error.js';

export const BOT_NAMES = ['接力', 'Baton'];

/** Parses a message that must be a command. */
export function parse(text: string): Command {
  const outcome = parseCommand(text, { botNames: BOT_NAMES });
  if (outcome.kind !== 'command') throw new Error(`not a command: ${text}`);
  return outcome.command;
}

/** The DomainError a message must raise. */
export function errorOf(text: string): DomainError {
  try {
    parseCommand(text, { botNames: BOT_NAMES });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected an error for: ${text}`);
}

/** Asserts the code, a Chinese message, and the usage of the command it is about. */
export function expectUsageError(text: string, code: string, kind: CommandKind): DomainError {
  const error = errorOf(text);
  expect(error.code).toBe(code);
  expect(error.userMessage).toMatch(/[\u4e00-\u9fff]/);
  expect(error.usage).toBe(COMMAND_USAGE[kind]);
  return error;
}

/** `t(12)` is `#12`, `t(12, 2)` is `#12.2`. */
export function t(task: number): WholeTaskRef;
export function t(task: number, node: number): NodeRef;
export function t(task: number, node?: number): WholeTaskRef | NodeRef {
  return node === undefined ? { task, node: null } : { task, node };
}

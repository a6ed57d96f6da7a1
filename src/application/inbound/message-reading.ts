import { parseCommand } from '../../domain/command/command.parser.js';
import type { ParseOutcome } from '../../domain/command/command.types.js';
import { DomainError } from '../../domain/shared/domain-error.js';

/** A message read once: the command it holds, or the reason it is a malformed one. */
export type MessageReading =
  | { readonly kind: 'read'; readonly outcome: ParseOutcome }
  | { readonly kind: 'invalid'; readonly error: DomainError };

export function readMessage(text: string, botNames: readonly string[]): MessageReading {
  try {
    return { kind: 'read', outcome: parseCommand(text, { botNames }) };
  } catch (err) {
    if (err instanceof DomainError) return { kind: 'invalid', error: err };
    throw err;
  }
}

/** Whether a message is meant for Baton: a command, a malformed one included. */
export function addressesBaton(reading: MessageReading): boolean {
  return reading.kind === 'invalid' || reading.outcome.kind !== 'not-a-command';
}

/** A low-cardinality label for the metrics: the command's kind, `chatter` or `invalid`. */
export function readingLabel(reading: MessageReading): string {
  if (reading.kind === 'invalid') return 'invalid';
  return reading.outcome.kind === 'command' ? reading.outcome.command.kind : 'chatter';
}

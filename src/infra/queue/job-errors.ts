import { UnrecoverableError } from 'bullmq';
import { ChatPlatformError } from '../../ports/chat-platform.port.js';

/**
 * Maps a failed job's error onto BullMQ's retry policy: permanent and configuration failures
 * are not retried; everything else is rethrown for exponential backoff.
 */
export function classifyJobError(err: unknown): Error {
  if (
    err instanceof ChatPlatformError &&
    (err.kind === 'permanent' || err.kind === 'configuration')
  ) {
    return new UnrecoverableError(`${err.kind}: ${err.message}`);
  }
  return err instanceof Error ? err : new Error(String(err));
}

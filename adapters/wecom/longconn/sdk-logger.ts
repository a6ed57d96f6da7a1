import type { Logger as SdkLogger } from '@wecom/aibot-node-sdk';
import type { Logger } from 'pino';

/**
 * The SDK's logger, backed by pino. Only the SDK's message string is kept: its extra arguments
 * and its debug lines carry whole frames (message bodies), which Baton never logs.
 */
export function sdkLogger(logger: Logger): SdkLogger {
  return {
    debug: () => undefined,
    info: (message: string) => logger.debug({ sdk: true }, message),
    warn: (message: string) => logger.warn({ sdk: true }, message),
    error: (message: string) => logger.error({ sdk: true }, message),
  };
}

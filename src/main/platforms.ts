import type { Logger } from 'pino';
import { createSimChatPlatform } from '../../adapters/sim/sim.adapter.js';
import type { Platform } from '../domain/org/org.types.js';
import type { Config } from '../infra/config/config.js';
import { createSimTranscript } from '../infra/db/repositories/sim-transcript.drizzle.js';
import { createSimEventPublisher } from '../infra/sim/sim-events.js';
import type { ChatPlatform } from '../ports/chat-platform.port.js';
import type { Infrastructure } from './infrastructure.js';
import type { PlatformModule } from './platform-module.js';

/** The chat platforms this deployment talks to. The simulator is always on: it needs no account. */
export function createPlatforms(
  config: Config,
  infra: Infrastructure,
  logger: Logger,
  modules: readonly PlatformModule[],
): ReadonlyMap<Platform, ChatPlatform> {
  const sim = createSimChatPlatform({
    transcript: createSimTranscript(infra.database.db),
    onChange: createSimEventPublisher(infra.redis, config.redis.prefix, logger),
  });
  return new Map<Platform, ChatPlatform>([
    ['sim', sim],
    ...modules.map((m) => [m.platform, m.chatPlatform] as const),
  ]);
}

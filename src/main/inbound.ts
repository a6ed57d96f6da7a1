import pino, { type Logger } from 'pino';
import { handleInbound } from '../application/inbound/handle-inbound.usecase.js';
import type { Config } from '../infra/config/config.js';
import { createOrgStore } from '../infra/db/repositories/org-store.drizzle.js';
import { createRunInTransaction } from '../infra/db/unit-of-work.drizzle.js';
import { newId } from '../infra/ids.js';
import { createDurableIntake } from '../infra/inbox/durable-intake.js';
import { createInboxWriter } from '../infra/inbox/inbox-writer.js';
import { cachedOrgStore } from '../infra/org/org-cache.js';
import { createQueues, type Queues } from '../infra/queue/queues.js';
import type { InboundEvent } from '../ports/inbound-event.types.js';
import type { InboundHandler } from '../ports/inbound-handler.port.js';
import type { Infrastructure } from './infrastructure.js';
import { DEFAULT_TENANT_ID } from './simulator.js';
import { loadTemplates } from './templates.js';

const silentLogger = pino({ level: 'silent' });

/** Names people @-mention Baton by in group chats. */
const BOT_NAMES = ['接力', 'Baton', 'baton'];

/**
 * The engine's front door, as every adapter and the simulator use it. `afterCommit` runs after
 * each committed transaction or inbox insert: it wakes the outbox relay and the inbox consumer.
 * Simulator events belong to `simTenantId` (the sandbox beside a real platform, see simulator.ts).
 */
export function createInboundHandler(
  config: Config,
  infra: Infrastructure,
  afterCommit: () => void,
  options: { readonly simTenantId?: string; readonly logger?: Logger } = {},
): InboundHandler {
  const { simTenantId = DEFAULT_TENANT_ID, logger = silentLogger } = options;
  const deps = {
    runInTransaction: createRunInTransaction(infra.database.db, afterCommit),
    orgStore: cachedOrgStore(infra.database.db, createOrgStore(infra.database.db)),
    // One organisation per deployment for now (platforms' corp ids map to it), and the
    // simulator's, which is a sandbox of its own beside a real platform.
    tenantOf: (event: InboundEvent) => (event.platform === 'sim' ? simTenantId : DEFAULT_TENANT_ID),
    admins: config.admins,
    botNames: BOT_NAMES,
    publicUrl: config.http.publicUrl,
    now: () => new Date(),
    newId,
    templates: loadTemplates(config),
  };
  const inbox = createInboxWriter({ db: infra.database.db, onAccepted: afterCommit });
  let queues: Queues | null = null;
  const intake = createDurableIntake({
    inbox,
    queues: () => {
      queues ??= createQueues(infra.redis, config.redis.prefix);
      return queues;
    },
    logger: logger.child({ component: 'intake' }),
  });
  return {
    handle: (event) => handleInbound(deps, event),
    enqueue: (event) => inbox.accept(event),
    keep: (event) => intake.keep(event),
  };
}

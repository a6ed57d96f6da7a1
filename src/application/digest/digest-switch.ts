import type { Card } from '../../../cards/card.types.js';
import { digestSwitchCard } from '../../../cards/digest-card.builder.js';
import type { CommandScope } from '../inbound/engine-context.js';

/** Turns the sender's personal daily digest on or off (`/摘要 开|关`, or the digest card's button). */
export async function switchDigest(scope: CommandScope, enabled: boolean): Promise<Card> {
  await scope.uow.personSettings.setDailyDigest(scope.tenantId, scope.sender.id, enabled);
  await scope.uow.appendEvents(scope.tenantId, null, scope.platform, [
    {
      type: 'person.digest_switched',
      nodeId: null,
      actorId: scope.sender.id,
      data: { enabled },
    },
  ]);
  return digestSwitchCard(enabled);
}

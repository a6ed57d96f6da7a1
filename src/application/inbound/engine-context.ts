import type { CardContext } from '../../../cards/card-context.js';
import type { BusinessCalendar } from '../../domain/calendar/calendar.types.js';
import type { Org, Person, Platform } from '../../domain/org/org.types.js';
import type { Actor } from '../../domain/task/task.effects.js';
import type { Template } from '../../domain/template/template.schema.js';
import type { MessageTarget } from '../../ports/chat-platform.port.js';
import type { UnitOfWork } from '../../ports/unit-of-work.port.js';

/** Everything a command needs while it runs inside its transaction. */
export interface CommandScope {
  readonly uow: UnitOfWork;
  readonly tenantId: string;
  readonly org: Org;
  readonly calendar: BusinessCalendar;
  readonly now: Date;
  readonly platform: Platform;
  readonly sender: Person;
  readonly actor: Actor;
  /** Where this conversation happens: replies go here. */
  readonly replyTo: MessageTarget;
  /** The chat the command was typed in, null in a private chat. */
  readonly chatId: string | null;
  readonly card: CardContext;
  /** Unique per inbound event: prefixes every dedupe key the command writes. */
  readonly eventKey: string;
  readonly newId: (prefix: 'tsk' | 'nod') => string;
  /** SOP templates for `/流程`. */
  readonly templates: readonly Template[];
}

import { assertExhaustive } from '../shared/assert-exhaustive.js';
import { commandErrors } from './command.errors.js';
import type { Command, CommandKind } from './command.types.js';
import { requireNodeRef, requireRef, requireWholeTaskRef, takeRef } from './command-ref.parser.js';
import { freeText } from './command-text.models.js';

/** Commands made of an optional reference and an optional or required piece of text. */
export type NodeCommandKind = Extract<
  CommandKind,
  | 'status'
  | 'my'
  | 'ack'
  | 'done'
  | 'approve'
  | 'reject'
  | 'nudge'
  | 'pause'
  | 'resume'
  | 'sendback'
  | 'escalate'
  | 'cancel'
  | 'approve-extension'
  | 'deny-extension'
>;

/**
 * `/进度 [#12]`, `/我的`, `/收到 [#12.2] [备注]`, `/完成 …`, `/同意 …`, `/驳回 [#12.2] <原因>`,
 * `/催办 [#12] [留言]`, `/挂起 … <原因>`, `/恢复 …`, `/退回 #12.1 <原因>`, `/升级 #12 <原因>`, `/撤销 #12 [原因]`,
 * `/批准延期 #12`, `/拒绝延期 #12 [原因]`.
 */
export function parseNodeCommand(kind: NodeCommandKind, body: string): Command {
  if (kind === 'my') {
    if (body.trim() !== '') throw commandErrors.unexpectedText(kind, body.trim());
    return { kind };
  }
  const { ref, rest } = takeRef(kind, body);
  const text = freeText(rest);
  switch (kind) {
    case 'status':
      if (text !== null) throw commandErrors.unexpectedText(kind, text);
      return { kind, ref };
    case 'ack':
    case 'done':
    case 'approve':
    case 'nudge':
    case 'resume':
      return { kind, ref, note: text };
    case 'reject':
      return { kind, ref, reason: required(kind, text, '驳回原因') };
    case 'pause':
      return { kind, ref, reason: required(kind, text, '挂起原因（在等谁、等什么）') };
    case 'sendback':
      return { kind, ref: requireNodeRef(kind, ref), reason: required(kind, text, '退回原因') };
    case 'escalate':
      return {
        kind,
        ref: requireRef(kind, ref),
        reason: required(kind, text, '升级原因（哪里卡住了，分歧是什么）'),
      };
    case 'cancel':
    case 'deny-extension':
      return { kind, ref: requireWholeTaskRef(kind, ref), reason: text };
    case 'approve-extension':
      if (text !== null) throw commandErrors.unexpectedText(kind, text);
      return { kind, ref: requireWholeTaskRef(kind, ref) };
    default:
      return assertExhaustive(kind);
  }
}

function required(kind: CommandKind, text: string | null, what: string): string {
  if (text === null) throw commandErrors.missingReason(kind, what);
  return text;
}

import { z } from 'zod';
import type { ReminderOffset } from '../org/org.types.js';
import { DomainError } from '../shared/domain-error.js';
import { parseDuration } from '../shared/duration.parser.js';

/** A domain parser as a zod string transform: its DomainError becomes a zod issue. */
export function viaDomain<T>(parse: (text: string) => T) {
  return z.string().transform((text, ctx) => {
    try {
      return parse(text);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.userMessage });
      return z.NEVER;
    }
  });
}

/** YAML reads `0` as a number; durations are text. */
export const durationSchema = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  viaDomain(parseDuration),
);

const SHARE_PATTERN = /^(\d{1,3}(?:\.\d+)?)%$/;

/** `50%` (a share of the node's window) or a duration before the deadline (`1h`, `2wh`). */
function parseReminderOffset(text: string): ReminderOffset {
  const share = SHARE_PATTERN.exec(text.trim());
  if (!share) return { kind: 'before', duration: parseDuration(text) };
  const value = Number(share[1]) / 100;
  if (value > 0 && value < 1) return { kind: 'share', share: value };
  throw new DomainError('template.bad_share', `提醒比例「${text}」要在 0% 到 100% 之间。`);
}

const notifyTarget = z.enum(['owner', 'liaison', 'coordination', 'leadership', 'requester']);

/**
 * A template's own escalation ladder, written like the org file's:
 * `{ remindBefore: ["50%", "1h"], levels: [{ after: "0", notify: [owner, liaison] }, …] }`.
 */
export const ladderSchema = z
  .object({
    remindBefore: z.array(viaDomain(parseReminderOffset)).default([]),
    levels: z
      .array(z.object({ after: durationSchema, notify: z.array(notifyTarget).min(1) }).strict())
      .min(1),
  })
  .strict();

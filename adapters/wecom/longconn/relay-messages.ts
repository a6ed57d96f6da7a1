import { z } from 'zod';

/** A proactive send a process without the connection asks the holder to make. */
export const relayRequestSchema = z.object({
  id: z.string().min(1),
  /** The list the answer goes to (the asking process's). */
  answerTo: z.string().min(1),
  /** Epoch ms after which the asker has given up: the holder drops the request. */
  deadline: z.number().int(),
  chatid: z.string().min(1),
  body: z.record(z.string(), z.unknown()),
});

export type RelayRequest = z.infer<typeof relayRequestSchema>;

export const relayAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ id: z.string(), ok: z.literal(true), reqId: z.string() }),
  z.object({
    id: z.string(),
    ok: z.literal(false),
    kind: z.enum(['transient', 'rate-limited', 'permanent', 'configuration']),
    message: z.string(),
    code: z.string().optional(),
    retryAfterMs: z.number().optional(),
  }),
]);

export type RelayAnswer = z.infer<typeof relayAnswerSchema>;

/** Reads a relay list entry; null for anything malformed (logged by the caller, never thrown). */
export function parseRelayJson<T>(schema: z.ZodType<T>, raw: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

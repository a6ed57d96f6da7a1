import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { CallbackRejected } from './callback-envelope.js';

/**
 * XML as WeCom sends it, every value kept a string: MsgId is a 64-bit integer that a JS number
 * would round, and AgentID/CreateTime are compared as text. No entities, no attributes.
 */
const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  processEntities: false,
  trimValues: true,
});

const field = z.string().max(4_096);

/** The outer envelope of an app callback POST. */
export const appEnvelopeSchema = z.object({
  xml: z.looseObject({
    ToUserName: field,
    Encrypt: z.string().max(100_000),
    AgentID: field.optional(),
  }),
});

/** The decrypted app message or event (fields Baton reads). */
export const appMessageSchema = z.object({
  xml: z.looseObject({
    ToUserName: field,
    FromUserName: field.min(1),
    CreateTime: z.string().regex(/^\d{1,12}$/),
    MsgType: field,
    Content: field.optional(),
    MsgId: z
      .string()
      .regex(/^\d{1,20}$/)
      .optional(),
    AgentID: field.optional(),
    Event: field.optional(),
    EventKey: field.optional(),
    TaskId: field.optional(),
    CardType: field.optional(),
    ResponseCode: field.optional(),
  }),
});

export type AppMessage = z.infer<typeof appMessageSchema>['xml'];

/** Parses XML into `schema`, or refuses the callback (400). */
export function parseXml<T extends z.ZodType>(xml: string, schema: T): z.infer<T> {
  let tree: unknown;
  try {
    tree = parser.parse(xml, true);
  } catch {
    throw new CallbackRejected(400, 'malformed XML');
  }
  const parsed = schema.safeParse(tree);
  if (!parsed.success) throw new CallbackRejected(400, 'unexpected XML');
  return parsed.data;
}

import { parseXml as parseXmlDocument, XmlElement } from '@rgrove/parse-xml';
import { z } from 'zod';
import { CallbackRejected } from './callback-envelope.js';

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

/** Characters XML 1.0 forbids; a stray one in a chat message is dropped, not a refusal. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const NOT_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Parses XML (strictly, with @rgrove/parse-xml: no external entities, no DTD expansion) into
 * `schema`, or refuses the callback (400). The tree becomes `{ root: { Field: 'text' } }`, every
 * value kept a string: MsgId is a 64-bit integer a JS number would round, and AgentID and
 * CreateTime are compared as text; attributes are ignored, as WeCom sends none.
 */
export function parseXml<T extends z.ZodType>(xml: string, schema: T): z.infer<T> {
  let tree: unknown;
  try {
    const root = parseXmlDocument(xml.replace(NOT_XML_CHARS, '')).root;
    if (!root) throw new Error('no root element');
    tree = { [root.name]: plainValue(root) };
  } catch {
    throw new CallbackRejected(400, 'malformed XML');
  }
  const parsed = schema.safeParse(tree);
  if (!parsed.success) throw new CallbackRejected(400, 'unexpected XML');
  return parsed.data;
}

/** An element's trimmed text when it has no child elements, else its children by name. */
function plainValue(element: XmlElement): unknown {
  const children = element.children.filter((c) => c instanceof XmlElement);
  if (children.length === 0) return element.text.trim();
  const byName = new Map<string, unknown>();
  for (const child of children) {
    const value = plainValue(child);
    const seen = byName.get(child.name);
    // A repeated element (a list in WeCom's XML) becomes an array.
    byName.set(child.name, seen === undefined ? value : [seen, value].flat());
  }
  // fromEntries defines own properties: an element named __proto__ stays a plain key.
  return Object.fromEntries(byName);
}

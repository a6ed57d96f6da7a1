import { z } from 'zod';

/** A JSON string field that holds an object (DingTalk nests JSON in strings). */
function jsonString<T extends z.ZodType>(inner: T) {
  return z.string().transform((text, ctx): z.output<T> => {
    try {
      const parsed = inner.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: 'custom', message: parsed.error.message });
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
    }
    return z.NEVER;
  });
}

const params = z.record(z.string(), z.unknown());

/** The card platform's callback (`/v1.0/card/instances/callback`) when a button is tapped. */
export const cardCallbackSchema = z
  .object({
    outTrackId: z.string().min(1),
    userId: z.string().min(1),
    corpId: z.string().optional(),
    spaceType: z.string().optional(),
    spaceId: z.string().optional(),
    content: jsonString(
      z.object({
        cardPrivateData: z.object({
          actionIds: z.array(z.string()).default([]),
          params: params.default({}),
        }),
      }),
    ),
  })
  .loose();

export type CardCallback = z.infer<typeof cardCallbackSchema>;

import { z } from 'zod';

const text = z.object({ content: z.string().max(20_000) });

/** The decrypted JSON of an intelligent bot callback (fields Baton reads; others pass). */
export const aibotCallbackSchema = z.looseObject({
  msgid: z.string().min(1).max(256),
  aibotid: z.string().optional(),
  chatid: z.string().min(1).max(256).optional(),
  chattype: z.enum(['single', 'group']).optional(),
  from: z.looseObject({ userid: z.string().min(1).max(256), corpid: z.string().optional() }),
  response_url: z.string().max(2_048).optional(),
  create_time: z.number().optional(),
  msgtype: z.string(),
  text: text.optional(),
  mixed: z
    .object({
      msg_item: z.array(z.looseObject({ msgtype: z.string(), text: text.optional() })),
    })
    .optional(),
  event: z
    .looseObject({
      eventtype: z.string(),
      template_card_event: z
        .looseObject({
          card_type: z.string().optional(),
          event_key: z.string().max(1_024),
          task_id: z.string().max(128),
        })
        .optional(),
    })
    .optional(),
});

export type AibotCallback = z.infer<typeof aibotCallbackSchema>;

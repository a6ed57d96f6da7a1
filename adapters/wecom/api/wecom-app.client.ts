import { z } from 'zod';
import type { WecomButtonCard } from '../render/template-card.types.js';
import type { AccessTokens } from './access-token.cache.js';
import { StaleTokenError, type WecomAnswer, type WecomHttp } from './wecom-http.js';

const sendAnswer = z.object({
  msgid: z.string().optional(),
  response_code: z.string().optional(),
});

/** What message/send returned for a sent message. */
export interface AppMessageSent {
  readonly msgid: string | null;
  /** For interactive cards: one update_template_card call, within 72 hours. */
  readonly responseCode: string | null;
}

export type AppMessageBody =
  | { readonly msgtype: 'markdown'; readonly markdown: { readonly content: string } }
  | { readonly msgtype: 'template_card'; readonly template_card: WecomButtonCard };

/** A self-built app's send APIs (message/send, update_template_card). */
export interface WecomAppClient {
  send(userIds: readonly string[], body: AppMessageBody): Promise<AppMessageSent>;
  /** Replaces a sent card for `userIds`; a used or expired code fails `permanent` (re-send instead). */
  updateCard(
    responseCode: string,
    userIds: readonly string[],
    card: WecomButtonCard,
  ): Promise<void>;
}

/**
 * The self-built app's API client. Every call carries the shared access token; when WeCom says
 * the token is invalid or expired (40014/42001) it is refreshed once and the call repeated.
 */
export function createWecomAppClient(deps: {
  http: WecomHttp;
  tokens: AccessTokens;
  apiBase: string;
  agentId: number;
}): WecomAppClient {
  const post = async (api: string, path: string, body: object): Promise<WecomAnswer> => {
    const attempt = (token: string) => {
      const url = new URL(path, deps.apiBase);
      url.searchParams.set('access_token', token);
      return deps.http.call(api, url, { method: 'POST', body });
    };
    const token = await deps.tokens.get();
    try {
      return await attempt(token);
    } catch (error) {
      if (!(error instanceof StaleTokenError)) throw error;
      const fresh = await deps.tokens.refresh(token);
      return attempt(fresh).catch((again: unknown) => {
        throw again instanceof StaleTokenError ? again.asPlatformError() : again;
      });
    }
  };
  return {
    async send(userIds, body) {
      const answer = await post('message/send', '/cgi-bin/message/send', {
        touser: userIds.join('|'),
        agentid: deps.agentId,
        ...body,
        // Reminders repeat on purpose; WeCom's 30-minute duplicate filter would drop them silently.
        enable_duplicate_check: 0,
      });
      const parsed = sendAnswer.parse(answer);
      return { msgid: parsed.msgid ?? null, responseCode: parsed.response_code ?? null };
    },
    async updateCard(responseCode, userIds, card) {
      await post('update_template_card', '/cgi-bin/message/update_template_card', {
        userids: userIds,
        agentid: deps.agentId,
        response_code: responseCode,
        template_card: card,
      });
    },
  };
}

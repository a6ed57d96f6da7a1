import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import type { WecomButtonCard } from '../render/template-card.types.js';
import type { WecomHttp } from './wecom-http.js';

/** aibot `response_url` markdown content limit. */
export const RESPONSE_URL_MARKDOWN_BYTES = 20480;

/** One later answer to an aibot callback through its `response_url` (1 hour, single use). */
export interface AibotResponder {
  /** Posts `body` (`{msgtype:'markdown',…}`; a template_card only answers single chats). */
  send(responseUrl: string, body: AibotResponseBody): Promise<void>;
}

export type AibotResponseBody =
  | { readonly msgtype: 'markdown'; readonly markdown: { readonly content: string } }
  | { readonly msgtype: 'template_card'; readonly template_card: WecomButtonCard };

/**
 * Posts to a callback's `response_url`. The URL came from a callback body, so it is only
 * followed when it points at the WeCom API host Baton is configured for (no request forgery).
 */
export function createAibotResponder(deps: { http: WecomHttp; apiBase: string }): AibotResponder {
  const allowed = new URL(deps.apiBase).origin;
  return {
    async send(responseUrl, body) {
      const url = URL.canParse(responseUrl) ? new URL(responseUrl) : null;
      if (!url || url.origin !== allowed || url.pathname !== '/cgi-bin/aibot/response') {
        throw new ChatPlatformError('permanent', 'aibot response_url is not a WeCom API address');
      }
      await deps.http.call('aibot/response', url, { method: 'POST', body });
    },
  };
}

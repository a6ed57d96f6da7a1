import type { WecomHttp } from './wecom-http.js';

/** Group robots (消息推送): send-only, keyed by the robot's webhook key. */
export interface WecomWebhookClient {
  /** Markdown content (≤ 4096 bytes) with `<@userid>` mentions inside. */
  sendMarkdown(webhookKey: string, content: string): Promise<void>;
}

export function createWecomWebhookClient(deps: {
  http: WecomHttp;
  apiBase: string;
}): WecomWebhookClient {
  return {
    async sendMarkdown(webhookKey, content) {
      const url = new URL('/cgi-bin/webhook/send', deps.apiBase);
      url.searchParams.set('key', webhookKey);
      await deps.http.call('webhook/send', url, {
        method: 'POST',
        body: { msgtype: 'markdown', markdown: { content } },
      });
    },
  };
}

import { z } from 'zod';
import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import type { AccessTokens } from './access-token.js';
import type { ApiQuota } from './api-quota.js';
import type { HttpJson } from './http-json.js';
import { InvalidTokenError, openApiFailure } from './openapi-errors.js';

const errorBody = z
  .object({ code: z.string().default('Unknown'), message: z.string().default('') })
  .catch({ code: 'Unknown', message: '' });

/** Calls DingTalk's new-style OpenAPI (`api.dingtalk.com/v1.0/...`). */
export type OpenApiCall = (method: 'POST' | 'PUT', path: string, body: unknown) => Promise<unknown>;

/**
 * OpenAPI calls with the shared access token, refreshed once when DingTalk calls it invalid;
 * every call counts toward the monthly quota. Failures are ChatPlatformErrors.
 */
export function createOpenApiCall(deps: {
  readonly apiBase: string;
  readonly http: HttpJson;
  readonly tokens: AccessTokens;
  readonly quota: ApiQuota;
}): OpenApiCall {
  const once = async (method: 'POST' | 'PUT', path: string, body: unknown) => {
    const token = await deps.tokens.get();
    await deps.quota.count();
    const answer = await deps.http(method, `${deps.apiBase}${path}`, body, {
      'x-acs-dingtalk-access-token': token,
    });
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    const { code, message } = errorBody.parse(answer.body);
    const failure = openApiFailure(answer.status, code, message);
    if (failure instanceof InvalidTokenError) await deps.tokens.invalidate(token);
    throw failure;
  };
  return async (method, path, body) => {
    try {
      return await once(method, path, body);
    } catch (err) {
      if (!(err instanceof InvalidTokenError)) throw err;
      return once(method, path, body).catch((again: unknown) => {
        if (!(again instanceof InvalidTokenError)) throw again;
        throw new ChatPlatformError(
          'configuration',
          'DingTalk refused a freshly fetched token too',
        );
      });
    }
  };
}

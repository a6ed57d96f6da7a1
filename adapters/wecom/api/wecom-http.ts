import type { Logger } from 'pino';
import { z } from 'zod';
import { ChatPlatformError } from '../../../src/ports/chat-platform.port.js';
import { errorForErrcode, TOKEN_ERRCODES } from './wecom-errors.js';

const answerSchema = z.looseObject({
  errcode: z.number().int().optional(),
  errmsg: z.string().optional(),
});

export type WecomAnswer = z.infer<typeof answerSchema>;

/** Thrown when WeCom refused the access token, so the caller refreshes it once and retries. */
export class StaleTokenError extends Error {
  override readonly name = 'StaleTokenError';
  constructor(
    readonly api: string,
    readonly errcode: number,
  ) {
    super(`WeCom ${api} refused the access token (errcode ${errcode})`);
  }

  /** The same refusal after a refresh: the secret or app is wrong, not the token. */
  asPlatformError(): ChatPlatformError {
    return errorForErrcode(this.api, { errcode: this.errcode, errmsg: '' });
  }
}

export interface WecomHttp {
  /** Calls one WeCom API and returns its JSON answer when errcode is 0 (or absent). */
  call(
    api: string,
    url: URL,
    init: { method: 'GET' | 'POST'; body?: unknown },
  ): Promise<WecomAnswer>;
}

/**
 * WeCom's HTTP APIs through `fetch` with a timeout. Failures become ChatPlatformErrors by kind;
 * configuration errors (untrusted IP, bad secret) are logged for the operator once per errcode,
 * not once per message, so a misconfigured deployment does not flood the log.
 */
export function createWecomHttp(deps: { logger: Logger; timeoutMs: number }): WecomHttp {
  const reported = new Set<string>();
  const reportOnce = (error: ChatPlatformError, api: string) => {
    if (error.kind !== 'configuration' || reported.has(error.options.code ?? '')) return;
    reported.add(error.options.code ?? '');
    deps.logger.error(
      { api, errcode: error.options.code },
      `WeCom configuration error: ${error.message}`,
    );
  };
  return {
    async call(api, url, init) {
      const answer = await fetchJson(api, url, init, deps.timeoutMs);
      if (!answer.errcode) return answer;
      if (TOKEN_ERRCODES.has(answer.errcode)) throw new StaleTokenError(api, answer.errcode);
      const error = errorForErrcode(api, { errcode: answer.errcode, errmsg: answer.errmsg ?? '' });
      reportOnce(error, api);
      throw error;
    },
  };
}

async function fetchJson(
  api: string,
  url: URL,
  init: { method: 'GET' | 'POST'; body?: unknown },
  timeoutMs: number,
): Promise<WecomAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      signal: AbortSignal.timeout(timeoutMs),
      ...(init.body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) }),
    });
  } catch (cause) {
    throw new ChatPlatformError('transient', `WeCom ${api} unreachable`, { cause });
  }
  if (response.status === 429) {
    throw new ChatPlatformError('rate-limited', `WeCom ${api} HTTP 429`, { retryAfterMs: 60_000 });
  }
  if (!response.ok) {
    const kind = response.status >= 500 ? 'transient' : 'permanent';
    throw new ChatPlatformError(kind, `WeCom ${api} HTTP ${response.status}`, {
      code: `http-${response.status}`,
    });
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new ChatPlatformError('transient', `WeCom ${api} answered non-JSON`, { cause });
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success)
    throw new ChatPlatformError('transient', `WeCom ${api} answered ${typeof json}`);
  return parsed.data;
}

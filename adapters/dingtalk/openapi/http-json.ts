import { networkFailure } from './openapi-errors.js';

export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** One JSON request; the only place the DingTalk adapter touches the network for sending. */
export type HttpJson = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body: unknown,
  headers?: Readonly<Record<string, string>>,
) => Promise<JsonAnswer>;

/** HttpJson over fetch with a timeout; network failures become transient ChatPlatformErrors. */
export function createHttpJson(timeoutMs: number): HttpJson {
  return async (method, url, body, headers = {}) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw networkFailure(err);
    }
    const text = await response.text().catch((err: unknown) => {
      throw networkFailure(err);
    });
    return { status: response.status, body: parseJson(text) };
  };
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    // An HTML error page (e.g. the IP-ban "punish" page) is kept as text for the error message.
    return text.slice(0, 200);
  }
}

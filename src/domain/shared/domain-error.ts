/**
 * A failure the user caused or can fix. `code` is stable and dotted (`deadline.in_past`);
 * `userMessage` is the Simplified Chinese text shown in chat; `usage` is the right usage line.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly userMessage: string;
  readonly usage: string | undefined;

  constructor(
    code: string,
    userMessage: string,
    options: { usage?: string; cause?: unknown } = {},
  ) {
    super(`${code}: ${userMessage}`, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.userMessage = userMessage;
    this.usage = options.usage;
  }
}

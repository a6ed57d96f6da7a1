import { format } from 'node:util';
import type { Logger } from 'pino';

type ConsoleLevel = 'debug' | 'info' | 'log' | 'warn' | 'error';

const LEVELS: Readonly<Record<ConsoleLevel, 'debug' | 'info' | 'warn' | 'error'>> = {
  debug: 'debug',
  info: 'info',
  log: 'info',
  warn: 'warn',
  error: 'error',
};

/** Longer console lines are cut: a library printing a whole payload must not log a message body. */
const MAX_LENGTH = 500;

/**
 * Some libraries write straight to the console (dingtalk-stream prints its connection state and
 * errors that way). In a running Baton process those lines become structured log records of
 * `logger`, tagged `source: "console"`, so nothing reaches stdout unstructured.
 */
export function routeConsoleToLogger(logger: Logger): void {
  const consoleLogger = logger.child({ source: 'console' });
  for (const method of Object.keys(LEVELS) as ConsoleLevel[]) {
    const level = LEVELS[method];
    console[method] = (...args: unknown[]) => {
      const text = format(...args);
      consoleLogger[level](
        text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}… (${text.length} chars)` : text,
      );
    };
  }
}

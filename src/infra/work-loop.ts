import type { Logger } from 'pino';

export interface WorkLoop {
  start(): void;
  /** Stops after the pass under way, if any. */
  stop(): Promise<void>;
  /** Asks for a pass now, e.g. right after a transaction wrote rows for it. */
  poke(): void;
}

/**
 * Runs `pass` over work waiting in PostgreSQL until stopped: again at once while a pass found
 * work, else after `idleMs` or a poke, whichever comes first. A poke during a pass starts the
 * next one at once (the pass may have read before the poker's rows committed). A failed pass
 * (PostgreSQL or Redis away) is logged and tried again after the idle wait.
 */
export function createWorkLoop(options: {
  /** One pass; resolves with how much work it did (0: nothing waiting). */
  pass: () => Promise<number>;
  idleMs: number;
  logger: Logger;
  /** What the log says when a pass fails, e.g. 'outbox relay pass failed; rows wait'. */
  failure: string;
}): WorkLoop {
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let pokedWhileBusy = false;

  async function run(): Promise<void> {
    while (running) {
      let done = 0;
      pokedWhileBusy = false;
      try {
        done = await options.pass();
      } catch (err) {
        options.logger.warn({ err: (err as Error).message }, options.failure);
      }
      if (done === 0 && !pokedWhileBusy && running) await idle();
    }
  }

  function idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(finish, options.idleMs);
      function finish() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = finish;
    });
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
    poke() {
      if (wake) wake();
      else pokedWhileBusy = true;
    },
  };
}

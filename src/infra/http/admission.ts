import type { FastifyReply, FastifyRequest } from 'fastify';

/** Why a request was not taken, and when to try again; nothing of it was written. */
export interface Refusal {
  readonly status: 429 | 503;
  readonly code: 'busy' | 'backlog' | 'timeout';
  readonly retryAfterS: number;
}

export type Admitted<T> =
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'refused'; readonly refusal: Refusal };

export interface AdmissionLimits {
  /** Requests whose work may be under way at once in this process; more answer 429. */
  readonly maxInFlight: number;
  /** Past this many events waiting for the workers, requests answer 503 until they catch up. */
  readonly maxBacklog: number;
  /** A request waits this long for its work; longer answers 503 (the database is stuck). */
  readonly deadlineMs: number;
  /** How old a backlog reading may be before the next request reads it again. */
  readonly backlogMaxAgeMs: number;
}

export interface Admission {
  /** Takes a slot when there is room (free it with `release`, once), else the refusal. */
  enter(): { readonly release: () => void } | Refusal;
  /**
   * Runs `work` when this process and the workers behind it have room, else refuses at once.
   * Past the deadline it refuses too, and `stillWanted()` tells the work (still running) not to
   * start its next write. A slot is held until the work settles, not just until the answer.
   */
  run<T>(work: (stillWanted: () => boolean) => Promise<T>): Promise<Admitted<T>>;
}

/** What a deadline resolves with, unlike any value the work could. */
const LATE = Symbol('late');

/**
 * Admission control for routes that accept work into PostgreSQL for the workers: a bound on
 * requests in flight here (each holds a socket, a body and, soon, a pool connection) and on the
 * work already waiting (`backlog`, e.g. the inbox), so that under overload requests are refused
 * quickly with Retry-After rather than queued until the client gives up.
 */
export function createAdmission(deps: {
  limits: AdmissionLimits;
  /** How much accepted work waits for the workers; read at most every `backlogMaxAgeMs`. */
  backlog: () => Promise<number>;
}): Admission {
  const { limits } = deps;
  let inFlight = 0;
  let backlog = { value: 0, readAt: Number.NEGATIVE_INFINITY };
  let reading = false;

  /** The last reading, refreshed in the background when stale (no request waits for it). */
  function currentBacklog(): number {
    if (!reading && Date.now() - backlog.readAt > limits.backlogMaxAgeMs) {
      reading = true;
      deps
        .backlog()
        // Unknown while the database is away: the work itself then fails with a 503.
        .then(
          (value) => ({ value, readAt: Date.now() }),
          () => ({ value: 0, readAt: Date.now() }),
        )
        .then((read) => {
          backlog = read;
          reading = false;
        });
    }
    return backlog.value;
  }

  function enter(): { release: () => void } | Refusal {
    if (inFlight >= limits.maxInFlight) return { status: 429, code: 'busy', retryAfterS: 1 };
    if (currentBacklog() > limits.maxBacklog)
      return { status: 503, code: 'backlog', retryAfterS: 2 };
    inFlight += 1;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        inFlight -= 1;
      },
    };
  }

  return {
    enter,
    async run(work) {
      const entry = enter();
      if ('status' in entry) return { kind: 'refused', refusal: entry };
      let wanted = true;
      const running = work(() => wanted).finally(entry.release);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<typeof LATE>((resolve) => {
        timer = setTimeout(() => resolve(LATE), limits.deadlineMs);
      });
      try {
        const first = await Promise.race([running, deadline]);
        if (first === LATE) {
          wanted = false;
          // Its failure, if any, comes after the answer; it must not go unhandled.
          running.catch(() => undefined);
          return refused({ status: 503, code: 'timeout', retryAfterS: 5 });
        }
        return { kind: 'done', value: first };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function refused(refusal: Refusal): { kind: 'refused'; refusal: Refusal } {
  return { kind: 'refused', refusal };
}

/**
 * An onRequest gate for routes whose work is bounded by `admission`: a request without room is
 * answered at once, before its body is read or its signature checked, so that shedding load
 * costs little. The slot is held until the answer is sent or the client went away. Platforms
 * get 503 (WeCom sends a callback again later), never 429.
 */
export function admissionGate(admission: Admission) {
  return async (_request: FastifyRequest, reply: FastifyReply) => {
    const entry = admission.enter();
    if ('status' in entry) return sendRefusal(reply, { ...entry, status: 503 });
    reply.raw.once('close', entry.release);
  };
}

const MESSAGES: Record<Refusal['code'], string> = {
  busy: 'Too many requests at once; try again shortly',
  backlog: 'Work already waiting is over its bound; try again shortly',
  timeout: 'The database did not answer in time; try again shortly',
};

/** Answers a refusal: its status, Retry-After, and the usual error body. */
export function sendRefusal(reply: FastifyReply, refusal: Refusal): FastifyReply {
  return reply
    .status(refusal.status)
    .header('retry-after', String(refusal.retryAfterS))
    .send({ error: { code: refusal.code, message: MESSAGES[refusal.code] } });
}

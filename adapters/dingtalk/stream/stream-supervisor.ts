import type { DWClientDownStream } from 'dingtalk-stream';
import type { Logger } from 'pino';
import { GatewayClient } from './gateway-client.js';
import { reconnectDelay } from './reconnect-backoff.js';

export interface StreamSupervisorOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly gatewayUrl: string;
  readonly topics: readonly string[];
  /** Handles one CALLBACK frame; must ack it on `client`. Errors are caught and logged. */
  readonly onCallback: (frame: DWClientDownStream, client: GatewayClient) => void;
  readonly logger: Logger;
  readonly backoff?: { baseMs: number; maxMs: number };
  /** How often to ping and check the connection. */
  readonly healthCheckMs?: number;
  /** A connection silent this long (no frame, no pong) is dropped and replaced. */
  readonly staleAfterMs?: number;
}

/**
 * Owns the Stream connection's lifecycle: one attempt at a time, exponential backoff with
 * jitter after failures, a warm replacement when the server announces `disconnect` (the new
 * connection opens before the old one is closed, so nothing pushed meanwhile is lost), and
 * health from recent traffic rather than the SDK's `registered` flag.
 */
export class StreamSupervisor {
  private current: GatewayClient | null = null;
  private connecting: Promise<void> | null = null;
  private stopped = false;
  private attempts = 0;
  private failures = 0;
  private lastTrafficAt: number | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private wakeUp: (() => void) | null = null;
  private afterAttempt: (() => void) | null = null;
  private readonly backoff: { baseMs: number; maxMs: number };

  constructor(private readonly options: StreamSupervisorOptions) {
    this.backoff = options.backoff ?? { baseMs: 1_000, maxMs: 60_000 };
  }

  /**
   * Starts connecting and keeps the connection up. Resolves after the first attempt, whether it
   * succeeded or not, so an unreachable DingTalk does not hold up the rest of the process.
   */
  async start(): Promise<void> {
    const healthCheckMs = this.options.healthCheckMs ?? 20_000;
    this.healthTimer = setInterval(() => this.checkHealth(), healthCheckMs);
    this.healthTimer.unref();
    const firstAttempt = new Promise<void>((resolve) => {
      this.afterAttempt = resolve;
    });
    void this.reconnect();
    await firstAttempt;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.wakeUp?.();
    await this.connecting?.catch(() => undefined);
    this.current?.disconnect();
    this.current = null;
  }

  /** Starts a replacement connection unless one is already under way (single flight). */
  private reconnect(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.connecting ??= this.connectUntilUp().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connectUntilUp(): Promise<void> {
    while (!this.stopped) {
      this.attempts += 1;
      const client = this.newClient();
      try {
        await client.getEndpoint();
        await client._connect();
      } catch (err) {
        client.terminate();
        this.failures += 1;
        this.afterAttempt?.();
        const delayMs = reconnectDelay(this.failures, this.backoff);
        this.options.logger.warn(
          { err: describe(err), failures: this.failures, delayMs },
          'DingTalk Stream connection failed; retrying',
        );
        await this.sleep(delayMs);
        continue;
      }
      if (this.stopped) {
        client.disconnect();
        return;
      }
      const previous = this.current;
      this.current = client;
      this.failures = 0;
      this.lastTrafficAt = Date.now();
      // The old connection closes only now, so frames it still carried were handled.
      previous?.disconnect();
      this.afterAttempt?.();
      this.options.logger.info({ attempts: this.attempts }, 'DingTalk Stream connected');
      return;
    }
  }

  private newClient(): GatewayClient {
    return new GatewayClient({
      clientId: this.options.clientId,
      clientSecret: this.options.clientSecret,
      gatewayUrl: this.options.gatewayUrl,
      topics: this.options.topics,
      hooks: {
        onCallback: (frame, client) => this.options.onCallback(frame, client),
        onDisconnectNotice: (client) => {
          if (client !== this.current) return;
          this.options.logger.info('DingTalk Stream server asked to disconnect; replacing');
          void this.reconnect();
        },
        onClose: (client) => {
          if (client !== this.current || this.stopped) return;
          this.options.logger.warn('DingTalk Stream connection closed; reconnecting');
          this.current = null;
          void this.reconnect();
        },
        onTraffic: (client) => {
          if (client === this.current) this.lastTrafficAt = Date.now();
        },
        onError: (err, where) =>
          this.options.logger.error(
            { err: describe(err), where },
            'DingTalk Stream handler failed',
          ),
      },
    });
  }

  private checkHealth(): void {
    const client = this.current;
    if (!client || this.connecting) return;
    const staleAfterMs = this.options.staleAfterMs ?? 90_000;
    if (this.lastTrafficAt !== null && Date.now() - this.lastTrafficAt > staleAfterMs) {
      this.options.logger.warn('DingTalk Stream connection silent too long; replacing');
      this.current = null;
      client.terminate();
      void this.reconnect();
      return;
    }
    client.ping();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

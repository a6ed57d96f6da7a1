import { DWClient, type DWClientDownStream } from 'dingtalk-stream';
import type WebSocket from 'ws';
import { z } from 'zod';

const endpointAnswer = z.object({ endpoint: z.string().min(1), ticket: z.string().min(1) });

/** What the supervisor learns from one connection. */
export interface GatewayClientHooks {
  /** A CALLBACK frame (robot message, card tap); must not throw. */
  onCallback(frame: DWClientDownStream, client: GatewayClient): void;
  /** The server announced it will close this connection (SYSTEM `disconnect`). */
  onDisconnectNotice(client: GatewayClient): void;
  /** The socket closed after it had opened. */
  onClose(client: GatewayClient): void;
  /** Any frame or pong: the connection is alive. */
  onTraffic(client: GatewayClient): void;
  onError(err: unknown, where: string): void;
}

/**
 * One Stream connection made with the real `dingtalk-stream` client, with its weak spots taken
 * over: the gateway URL is configurable, it never reconnects on its own (the supervisor does, with
 * backoff), it has no heartbeat interval of its own (so none can leak), frames are parsed and
 * dispatched inside try/catch, and a server `disconnect` is reported instead of silently
 * leaving a zombie.
 */
export class GatewayClient extends DWClient {
  constructor(
    private readonly options: {
      clientId: string;
      clientSecret: string;
      gatewayUrl: string;
      topics: readonly string[];
      hooks: GatewayClientHooks;
    },
  ) {
    super({ clientId: options.clientId, clientSecret: options.clientSecret, keepAlive: false });
    this.config.autoReconnect = false;
    // A fresh array: the SDK's default subscriptions array is shared by every client.
    this.config.subscriptions = [
      { type: 'EVENT', topic: '*' },
      ...options.topics.map((topic) => ({ type: 'CALLBACK', topic })),
    ];
  }

  /** Asks the gateway for an endpoint and a single-use ticket (POST connections/open). */
  override async getEndpoint(): Promise<this> {
    const response = await fetch(this.options.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        clientId: this.config.clientId,
        clientSecret: this.config.clientSecret,
        ua: 'baton',
        subscriptions: this.config.subscriptions,
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`gateway answered HTTP ${response.status}`);
    const { endpoint, ticket } = endpointAnswer.parse(await response.json());
    const url = new URL(endpoint);
    url.searchParams.set('ticket', ticket);
    (this as unknown as { dw_url: string }).dw_url = url.toString();
    return this;
  }

  override async _connect(): Promise<void> {
    await super._connect();
    this.webSocket()?.on('close', () => this.options.hooks.onClose(this));
  }

  /** Pings the server at the WebSocket level; the pong counts as traffic. */
  ping(): void {
    const socket = this.webSocket();
    if (socket?.readyState === 1) socket.ping();
  }

  /** Drops the socket at once, without the closing handshake (a dead or silent connection). */
  terminate(): void {
    this.disconnect();
    this.webSocket()?.terminate();
  }

  override heartbeat(): void {
    this.options.hooks.onTraffic(this);
  }

  override onDownStream(data: string): void {
    this.options.hooks.onTraffic(this);
    try {
      super.onDownStream(data);
    } catch (err) {
      this.options.hooks.onError(err, 'frame');
    }
  }

  override onSystem(downstream: DWClientDownStream): void {
    super.onSystem(downstream);
    if (downstream.headers.topic === 'disconnect') this.options.hooks.onDisconnectNotice(this);
  }

  override onCallback(message: DWClientDownStream): void {
    try {
      this.options.hooks.onCallback(message, this);
    } catch (err) {
      this.options.hooks.onError(err, 'callback');
    }
  }

  private webSocket(): WebSocket | undefined {
    return (this as unknown as { socket?: WebSocket }).socket;
  }
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

export interface StreamFrame {
  readonly specVersion: '1.0';
  readonly type: 'SYSTEM' | 'EVENT' | 'CALLBACK';
  readonly headers: Record<string, string>;
  readonly data: string;
}

export interface RecordedAck {
  readonly messageId: string;
  readonly code: number;
  /** The ack's `data`, parsed (`{response: …}` for callbacks). */
  readonly data: unknown;
  readonly connection: number;
}

interface Connection {
  readonly id: number;
  readonly socket: WebSocket;
  draining: boolean;
}

/** How the next `connections/open` calls fail: an HTTP 500, or an endpoint nobody listens on. */
export type OpenFailure = 'http-500' | 'refused';

/**
 * DingTalk's Stream gateway, locally: the `connections/open` answer with single-use tickets,
 * the WebSocket with SYSTEM ping/disconnect and EVENT/CALLBACK frames, and a record of acks.
 * Frames not acked when their connection goes away are pushed again on the next connection, as
 * DingTalk redelivers unacknowledged messages.
 */
export class FakeStreamGateway {
  readonly opens: { clientId: string; subscriptions: unknown }[] = [];
  readonly acks: RecordedAck[] = [];
  readonly pingReplies: string[] = [];
  /** `open:<n>` and `close:<n>` per connection, in order. */
  readonly connectionLog: string[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly connections: Connection[] = [];
  private readonly unacked = new Map<string, { frame: StreamFrame; connection: number | null }>();
  private readonly failures: OpenFailure[] = [];
  private counter = 0;

  constructor(
    private readonly options: {
      readonly baseUrl: () => string;
      readonly refusedUrl: () => string;
      readonly clientId: string;
      readonly clientSecret: string;
    },
  ) {}

  /** The next `count` connection attempts fail this way. */
  failNextOpens(count: number, how: OpenFailure): void {
    for (let i = 0; i < count; i++) this.failures.push(how);
  }

  /** Handles `POST /v1.0/gateway/connections/open`; false for other requests. */
  handleHttp(req: IncomingMessage, body: unknown, res: ServerResponse): boolean {
    if (req.method !== 'POST' || req.url !== '/v1.0/gateway/connections/open') return false;
    const request = body as { clientId?: string; clientSecret?: string; subscriptions?: unknown };
    this.opens.push({ clientId: request.clientId ?? '', subscriptions: request.subscriptions });
    const failure = this.failures.shift();
    if (failure === 'http-500') return reply(res, 500, { code: 'ServiceUnavailable' });
    if (
      request.clientId !== this.options.clientId ||
      request.clientSecret !== this.options.clientSecret
    ) {
      return reply(res, 400, { code: 'invalidClientIdOrSecret' });
    }
    const ticket = randomUUID();
    this.tickets.add(ticket);
    const base = failure === 'refused' ? this.options.refusedUrl() : this.options.baseUrl();
    return reply(res, 200, { endpoint: `${base.replace(/^http/, 'ws')}/connect`, ticket });
  }

  /** Upgrades `/connect?ticket=…` when the ticket is fresh (tickets are single use). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://local');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/connect' || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /** Connections currently open (including one told to disconnect and not yet closed). */
  get openConnections(): number {
    return this.connections.length;
  }

  /** Pushes a frame to the newest live connection (or holds it until one opens). */
  push(type: 'EVENT' | 'CALLBACK', topic: string, data: unknown, messageId = randomUUID()): string {
    const frame: StreamFrame = {
      specVersion: '1.0',
      type,
      headers: {
        topic,
        messageId,
        contentType: 'application/json',
        time: String(Date.now()),
        appId: 'fake-app',
        connectionId: 'fake',
      },
      data: JSON.stringify(data),
    };
    this.unacked.set(messageId, { frame, connection: null });
    this.deliverPending();
    return messageId;
  }

  /** Pushes again a frame that was already delivered (DingTalk's retry of a late ack). */
  redeliver(messageId: string, frame: StreamFrame): void {
    this.unacked.set(messageId, { frame, connection: null });
    this.deliverPending();
  }

  /** The frame pushed with this id, to redeliver it. */
  frameOf(messageId: string): StreamFrame | undefined {
    return this.sent.get(messageId);
  }

  /** Sends text that is not a frame at all (a broken proxy, a protocol change). */
  sendRaw(text: string): void {
    this.live()?.socket.send(text);
  }

  /** SYSTEM ping; the client should echo it. */
  ping(): void {
    this.live()?.socket.send(JSON.stringify(systemFrame('ping', { opaque: randomUUID() })));
  }

  /** SYSTEM disconnect on the live connection, then closes it after `closeAfterMs`. */
  sendDisconnect(closeAfterMs: number): void {
    const connection = this.live();
    if (!connection) throw new Error('no live connection');
    connection.draining = true;
    connection.socket.send(JSON.stringify(systemFrame('disconnect', { reason: 'upgrade' })));
    setTimeout(() => connection.socket.close(), closeAfterMs).unref();
  }

  /**
   * The live connection goes silent: the server stops reading it, so it answers no ping and
   * pushes nothing, like a half-open TCP connection behind a dead NAT.
   */
  silence(): void {
    const connection = this.live();
    if (!connection) throw new Error('no live connection');
    connection.draining = true;
    (connection.socket as unknown as { _socket: { pause(): void } })._socket.pause();
  }

  /** Drops the live connection's socket without a closing handshake. */
  dropSocket(): void {
    const connection = this.live();
    if (!connection) throw new Error('no live connection');
    connection.socket.terminate();
  }

  ackOf(messageId: string): RecordedAck | undefined {
    return this.acks.find((a) => a.messageId === messageId);
  }

  close(): void {
    for (const c of this.connections) c.socket.terminate();
    this.wss.close();
  }

  private readonly sent = new Map<string, StreamFrame>();

  private accept(socket: WebSocket): void {
    const connection: Connection = { id: ++this.counter, socket, draining: false };
    this.connections.push(connection);
    this.connectionLog.push(`open:${connection.id}`);
    socket.on('message', (raw) => this.onClientFrame(connection, String(raw)));
    socket.on('close', () => {
      this.connectionLog.push(`close:${connection.id}`);
      this.connections.splice(this.connections.indexOf(connection), 1);
      // What this connection never acked goes again on the next one.
      for (const entry of this.unacked.values()) {
        if (entry.connection === connection.id) entry.connection = null;
      }
      this.deliverPending();
    });
    this.deliverPending();
  }

  private onClientFrame(connection: Connection, raw: string): void {
    const frame = JSON.parse(raw) as {
      code?: number;
      headers?: Record<string, string>;
      data?: string;
    };
    const messageId = frame.headers?.messageId;
    if (frame.headers?.topic === 'ping') {
      this.pingReplies.push(frame.data ?? '');
      return;
    }
    if (typeof frame.code !== 'number' || !messageId) return;
    this.acks.push({
      messageId,
      code: frame.code,
      data: frame.data ? JSON.parse(frame.data) : null,
      connection: connection.id,
    });
    this.unacked.delete(messageId);
  }

  private live(): Connection | undefined {
    return this.connections.filter((c) => !c.draining && c.socket.readyState === 1).at(-1);
  }

  private deliverPending(): void {
    const connection = this.live();
    if (!connection) return;
    for (const [messageId, entry] of this.unacked) {
      if (entry.connection !== null) continue;
      entry.connection = connection.id;
      this.sent.set(messageId, entry.frame);
      connection.socket.send(JSON.stringify(entry.frame));
    }
  }
}

function systemFrame(topic: string, data: unknown): StreamFrame {
  return {
    specVersion: '1.0',
    type: 'SYSTEM',
    headers: {
      topic,
      messageId: randomUUID(),
      contentType: 'application/json',
      time: String(Date.now()),
    },
    data: JSON.stringify(data),
  };
}

export function reply(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
  return true;
}

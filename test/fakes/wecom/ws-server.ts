import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** A frame as the SDK sends it: `{cmd, headers: {req_id}, body}`. */
export interface ClientFrame {
  readonly cmd: string;
  readonly headers: { readonly req_id: string };
  readonly body?: Record<string, unknown>;
}

/** A frame the fake took from a client, with the answer it gave. */
export interface RecordedFrame extends ClientFrame {
  readonly at: number;
  readonly errcode: number;
  /** For replies to a callback: milliseconds between the callback and this reply. */
  readonly afterCallbackMs: number | null;
}

interface Session {
  readonly id: string;
  readonly socket: WebSocket;
  botId: string | null;
  /** Callbacks pushed to this socket, by req_id, with when they were pushed. */
  readonly callbacks: Map<string, { readonly cmd: string; readonly at: number }>;
}

/** WeCom refuses an update_template_card reply after the click's 5-second window. */
const UPDATE_WINDOW_MS = 5_000;
/** The errcode this fake gives for a reply to a req_id it never pushed or whose window closed. */
export const FAKE_EXPIRED_REQ_ERRCODE = 846_605;

/**
 * A local WeCom intelligent-bot long-connection server that the real `@wecom/aibot-node-sdk`
 * connects to (`wsUrl`). It speaks the SDK's wire protocol: `aibot_subscribe` auth answered by an
 * ack frame without `cmd`, `ping` heartbeats, `aibot_msg_callback` / `aibot_event_callback`
 * pushes, acks echoing the req_id of every reply and send. Like WeCom it keeps one live
 * connection per bot: a second authentication kicks the first with a `disconnected_event`.
 */
export async function startFakeWecomWsServer(options: {
  readonly bots: Readonly<Record<string, string>>;
}) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const sessions = new Set<Session>();
  const authentications: { readonly botId: string; readonly sessionId: string }[] = [];
  const replies: RecordedFrame[] = [];
  const updates: RecordedFrame[] = [];
  const sends: RecordedFrame[] = [];
  const sendFailures: number[] = [];

  const write = (socket: WebSocket, frame: unknown) => socket.send(JSON.stringify(frame));
  const ack = (session: Session, reqId: string, errcode: number) =>
    write(session.socket, {
      headers: { req_id: reqId },
      errcode,
      errmsg: errcode === 0 ? 'ok' : `fake error ${errcode}`,
    });

  const liveSession = (botId: string): Session | undefined =>
    [...sessions].find((s) => s.botId === botId && s.socket.readyState === s.socket.OPEN);

  const authenticate = (session: Session, frame: ClientFrame) => {
    const botId = String(frame.body?.bot_id ?? '');
    if (options.bots[botId] === undefined || options.bots[botId] !== frame.body?.secret) {
      ack(session, frame.headers.req_id, 40_001);
      return;
    }
    const previous = liveSession(botId);
    if (previous && previous !== session) {
      write(previous.socket, {
        cmd: 'aibot_event_callback',
        headers: { req_id: `evt_${randomUUID()}` },
        body: {
          msgid: randomUUID(),
          create_time: Math.floor(Date.now() / 1000),
          aibotid: botId,
          from: { userid: '' },
          msgtype: 'event',
          event: { eventtype: 'disconnected_event' },
        },
      });
      previous.botId = null;
      previous.socket.close();
    }
    session.botId = botId;
    authentications.push({ botId, sessionId: session.id });
    ack(session, frame.headers.req_id, 0);
  };

  const answerReply = (session: Session, frame: ClientFrame, log: RecordedFrame[]) => {
    const callback = session.callbacks.get(frame.headers.req_id);
    const afterCallbackMs = callback ? Date.now() - callback.at : null;
    const expired =
      afterCallbackMs === null ||
      (frame.cmd === 'aibot_respond_update_msg' && afterCallbackMs > UPDATE_WINDOW_MS);
    const errcode = expired ? FAKE_EXPIRED_REQ_ERRCODE : 0;
    log.push({ ...frame, at: Date.now(), errcode, afterCallbackMs });
    ack(session, frame.headers.req_id, errcode);
  };

  const onFrame = (session: Session, frame: ClientFrame) => {
    if (frame.cmd === 'aibot_subscribe') return authenticate(session, frame);
    if (!session.botId) return session.socket.close();
    switch (frame.cmd) {
      case 'ping':
        return ack(session, frame.headers.req_id, 0);
      case 'aibot_respond_msg':
        return answerReply(session, frame, replies);
      case 'aibot_respond_update_msg':
        return answerReply(session, frame, updates);
      case 'aibot_send_msg': {
        const errcode = sendFailures.shift() ?? 0;
        sends.push({ ...frame, at: Date.now(), errcode, afterCallbackMs: null });
        return ack(session, frame.headers.req_id, errcode);
      }
      default:
        return ack(session, frame.headers.req_id, 40_008);
    }
  };

  server.on('connection', (socket) => {
    const session: Session = { id: randomUUID(), socket, botId: null, callbacks: new Map() };
    sessions.add(session);
    socket.on('message', (data) => {
      let frame: ClientFrame;
      try {
        frame = JSON.parse(data.toString()) as ClientFrame;
      } catch {
        socket.close(1003, 'not json');
        return;
      }
      onFrame(session, frame);
    });
    socket.on('close', () => sessions.delete(session));
  });

  /** Pushes a callback to the bot's live connection; resolves with its req_id. */
  const push = (botId: string, cmd: string, body: Record<string, unknown>): string => {
    const session = liveSession(botId);
    if (!session) throw new Error(`no live connection for bot ${botId}`);
    const reqId = `${cmd}_${randomUUID()}`;
    session.callbacks.set(reqId, { cmd, at: Date.now() });
    write(session.socket, { cmd, headers: { req_id: reqId }, body });
    return reqId;
  };

  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    authentications,
    replies,
    updates,
    sends,
    /** Live authenticated connections of a bot (WeCom allows one). */
    liveConnections: (botId: string) =>
      [...sessions].filter((s) => s.botId === botId && s.socket.readyState === s.socket.OPEN)
        .length,
    /** A group (or private, without chatid) text message, as WeCom pushes an @-mention. */
    pushText(
      botId: string,
      message: {
        readonly userid: string;
        readonly content: string;
        readonly chatid?: string;
        readonly msgid?: string;
      },
    ) {
      const msgid = message.msgid ?? randomUUID();
      const reqId = push(botId, 'aibot_msg_callback', {
        msgid,
        aibotid: botId,
        ...(message.chatid
          ? { chatid: message.chatid, chattype: 'group' }
          : { chattype: 'single' }),
        from: { userid: message.userid },
        create_time: Math.floor(Date.now() / 1000),
        msgtype: 'text',
        text: { content: message.content },
      });
      return { msgid, reqId };
    },
    /**
     * A button tap on a template card. `nested` is the documented shape
     * (`event.template_card_event.{event_key, task_id}`), `flat` the one in the SDK's types.
     */
    pushCardClick(
      botId: string,
      click: {
        readonly userid: string;
        readonly chatid?: string;
        readonly taskId: string;
        readonly eventKey: string;
        readonly shape: 'nested' | 'flat';
      },
    ) {
      const fields = {
        card_type: 'button_interaction',
        event_key: click.eventKey,
        task_id: click.taskId,
      };
      return push(botId, 'aibot_event_callback', {
        msgid: randomUUID(),
        create_time: Math.floor(Date.now() / 1000),
        aibotid: botId,
        ...(click.chatid ? { chatid: click.chatid, chattype: 'group' } : { chattype: 'single' }),
        from: { userid: click.userid },
        msgtype: 'event',
        event:
          click.shape === 'nested'
            ? { eventtype: 'template_card_event', template_card_event: fields }
            : { eventtype: 'template_card_event', ...fields },
      });
    },
    /** The next `count` proactive sends are refused with `errcode`. */
    failNextSends(errcode: number, count = 1) {
      for (let i = 0; i < count; i++) sendFailures.push(errcode);
    },
    /** Cuts every connection without a close handshake, as a network failure would. */
    dropAll() {
      for (const session of sessions) session.socket.terminate();
    },
    async close() {
      for (const session of sessions) session.socket.terminate();
      await new Promise<void>((resolve, reject) =>
        server.close((err) => (err ? reject(err) : resolve())),
      );
    },
  };
}

export type FakeWecomWsServer = Awaited<ReturnType<typeof startFakeWecomWsServer>>;

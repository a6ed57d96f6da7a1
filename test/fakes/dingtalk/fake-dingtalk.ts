import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeOpenApi } from './openapi.fake.js';
import { FakeStreamGateway, reply } from './stream-gateway.fake.js';

export const FAKE_CLIENT_ID = 'dingfakeclientid';
export const FAKE_CLIENT_SECRET = 'fake-client-secret-0123456789';

/**
 * A local DingTalk on one port: the Stream gateway (HTTP open + WebSocket) and the OpenAPI and
 * robot-webhook hosts. `env()` points Baton's DingTalk adapter at it.
 */
export class FakeDingTalk {
  readonly gateway: FakeStreamGateway;
  readonly api = new FakeOpenApi({ appKey: FAKE_CLIENT_ID, appSecret: FAKE_CLIENT_SECRET });
  private readonly server: Server;
  private refusedPort = 0;

  private constructor() {
    this.gateway = new FakeStreamGateway({
      baseUrl: () => this.url,
      refusedUrl: () => `http://127.0.0.1:${this.refusedPort}`,
      clientId: FAKE_CLIENT_ID,
      clientSecret: FAKE_CLIENT_SECRET,
    });
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const body: unknown = text ? JSON.parse(text) : null;
        if (this.gateway.handleHttp(req, body, res)) return;
        void this.api
          .handleHttp(req, body, res)
          .catch(() => reply(res, 500, { code: 'FakeFailed' }));
      });
    });
    this.server.on('upgrade', (req, socket, head) => this.gateway.handleUpgrade(req, socket, head));
  }

  static async start(): Promise<FakeDingTalk> {
    const fake = new FakeDingTalk();
    fake.refusedPort = await unusedPort();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The adapter's environment, pointed here. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DINGTALK_CLIENT_ID: FAKE_CLIENT_ID,
      DINGTALK_CLIENT_SECRET: FAKE_CLIENT_SECRET,
      DINGTALK_ROBOT_CODE: FAKE_CLIENT_ID,
      DINGTALK_GATEWAY_URL: `${this.url}/v1.0/gateway/connections/open`,
      DINGTALK_API_BASE: this.url,
      DINGTALK_OAPI_BASE: this.url,
      DINGTALK_RECONNECT_BASE_MS: '50',
      DINGTALK_RECONNECT_MAX_MS: '400',
      ...extra,
    };
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A port nothing listens on (for connection attempts that must be refused). */
async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

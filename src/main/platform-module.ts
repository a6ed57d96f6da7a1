import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Platform } from '../domain/org/org.types.js';
import type { Config } from '../infra/config/config.js';
import type { ChatPlatform } from '../ports/chat-platform.port.js';
import type { ContactsSource } from '../ports/contacts-source.port.js';
import type { InboundHandler } from '../ports/inbound-handler.port.js';
import type { Infrastructure } from './infrastructure.js';

/** What a platform adapter gets to build itself in one Baton process. */
export interface PlatformModuleContext {
  readonly config: Config;
  /** The raw environment: each adapter validates its own variables (WECOM_*, DINGTALK_*). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly infra: Infrastructure;
  readonly logger: Logger;
}

/** Something that must be stopped on shutdown. */
export interface Closable {
  close(): Promise<void>;
}

/**
 * A chat platform as one process runs it. Every process gets the outbound side (delivery
 * workers send through `chatPlatform`); `baton serve` and `baton all` also take callbacks on
 * `routes` (mounted without the admin token: each route checks its platform's signatures) and
 * open long connections with `startInbound`.
 */
export interface PlatformModule extends Closable {
  readonly platform: Platform;
  readonly chatPlatform: ChatPlatform;
  readonly routes?: (inbound: InboundHandler) => FastifyPluginAsync;
  readonly startInbound?: (inbound: InboundHandler) => Promise<Closable>;
  /** The platform's contacts, for directory sync. */
  readonly contacts?: ContactsSource;
  /** Adds the platform's own gauges to the process's `/metrics`. */
  readonly registerMetrics?: (registry: Registry) => void;
}

import type { OutboundMessage } from './chat-platform.port.js';

/** One line of a simulated conversation. */
export interface SimTranscriptEntry {
  readonly id: number;
  readonly conversation: string;
  readonly direction: 'in' | 'out';
  readonly senderId: string | null;
  readonly body: OutboundMessage;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Where the simulator keeps its conversations (Postgres, so every process sees the same chat). */
export interface SimTranscript {
  /**
   * Adds an entry. With an `idempotencyKey` already used, nothing is added and the entry first
   * written under that key is returned (a delivery tried again after its worker died).
   */
  append(
    entry: Omit<SimTranscriptEntry, 'id' | 'createdAt' | 'updatedAt'>,
    options?: { readonly idempotencyKey: string },
  ): Promise<SimTranscriptEntry>;
  /** Replaces an entry's body (a card updated in place); null when there is no such entry. */
  replaceBody(id: number, body: OutboundMessage): Promise<SimTranscriptEntry | null>;
  /** The latest `limit` entries of a conversation, oldest first. */
  list(conversation: string, limit: number): Promise<SimTranscriptEntry[]>;
}

import type { SentMessage } from './chat-platform.port.js';

/**
 * What the platform answered for a delivery that went out but could not be marked sent in
 * PostgreSQL (it was away). Kept outside PostgreSQL so that whoever claims the delivery next
 * records the send instead of sending the message a second time.
 */
export interface SentReceipts {
  remember(deliveryId: number, sent: SentMessage): Promise<void>;
  recall(deliveryId: number): Promise<SentMessage | null>;
}

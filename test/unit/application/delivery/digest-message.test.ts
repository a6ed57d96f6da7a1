import { describe, expect, it } from 'vitest';
import { buildDigestMessage } from '../../../../src/application/delivery/digest-message.js';
import type { DeliveryRecord } from '../../../../src/ports/delivery-store.port.js';

const part = (id: number, text: string, mentions: string[]): DeliveryRecord => ({
  id,
  attempts: 0,
  tenantId: 'default',
  taskId: null,
  nodeId: null,
  platform: 'sim',
  target: { kind: 'chat', chatId: 'g' },
  purpose: 'reminder',
  dedupeKey: `k${id}`,
  message: { kind: 'text', text, mentions: mentions.map((m) => ({ platformUserId: m, name: m })) },
});

describe('buildDigestMessage', () => {
  it('carries every part in order and mentions everyone once', () => {
    const digest = buildDigestMessage([
      part(1, '提醒一', ['a', 'b']),
      part(2, '提醒二', ['b', 'c']),
    ]);
    expect(digest.kind).toBe('markdown');
    if (digest.kind !== 'markdown') return;
    expect(digest.title).toBe('汇总提醒（2 条）');
    expect(digest.markdown).toBe('### 📋 汇总提醒（2 条）\n\n---\n\n提醒一\n\n---\n\n提醒二');
    expect(digest.mentions.map((m) => m.platformUserId)).toEqual(['a', 'b', 'c']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  renderWecomMarkdown,
  WEBHOOK_MARKDOWN_BYTES,
} from '../../../../adapters/wecom/render/markdown.render.js';
import type { Card } from '../../../../cards/card.types.js';
import type { OutboundMessage } from '../../../../src/ports/chat-platform.port.js';

const card: Card = {
  key: 'task-tsk_1',
  tone: 'info',
  title: '#1 采购打印机',
  subtitle: null,
  fields: [],
  steps: [],
  note: null,
  actions: [
    {
      actionId: 'node.done',
      label: '完成 #1.1',
      style: 'primary',
      value: {},
      command: '/完成 #1.1',
    },
  ],
  link: null,
  mentions: [],
};
const zhang = { platformUserId: 'ZhangSan', name: '张三' };

describe('renderWecomMarkdown', () => {
  it.each<{ name: string; message: OutboundMessage; expected: string }>([
    {
      name: 'text with a mention',
      message: { kind: 'text', text: '请处理', mentions: [zhang] },
      expected: '请处理\n<@ZhangSan>',
    },
    {
      name: 'markdown without mentions',
      message: { kind: 'markdown', title: 't', markdown: '**升级**', mentions: [] },
      expected: '**升级**',
    },
    {
      name: 'card as commands to type',
      message: { kind: 'card', card, mentions: [zhang] },
      expected: '### #1 采购打印机\n\n可回复：`/完成 #1.1`\n<@ZhangSan>',
    },
  ])('$name', ({ message, expected }) => {
    expect(renderWecomMarkdown(message)).toBe(expected);
  });

  it.each([WEBHOOK_MARKDOWN_BYTES, 20480, 100])('fits %i bytes and keeps the mentions', (max) => {
    const out = renderWecomMarkdown(
      { kind: 'text', text: '很长的消息'.repeat(3000), mentions: [zhang] },
      max,
    );
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(max);
    expect(out.endsWith('…\n<@ZhangSan>')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { renderCardParams } from '../../../../adapters/dingtalk/render/card-params.render.js';
import {
  toOpenApiMessage,
  toWebhookBody,
} from '../../../../adapters/dingtalk/render/markdown-message.render.js';
import type { Card } from '../../../../cards/card.types.js';

const card: Card = {
  key: 'task-tsk_1',
  tone: 'warning',
  title: '#3 空调维修',
  subtitle: '发起人：郑一 · 进行中',
  fields: [{ label: '抄送', value: '王五' }],
  steps: [
    {
      ref: '#3.1',
      title: '联系供应商',
      owners: '张三',
      deadline: '今天 18:00',
      parallelWith: [],
      details: null,
      state: 'late',
      stateText: '已超时 1小时',
    },
  ],
  note: '请尽快处理',
  actions: [
    {
      actionId: 'node.done',
      label: '完成',
      style: 'primary',
      value: { taskId: 'tsk_1', nodeId: 'nod_1' },
      command: '/完成 #3.1',
    },
  ],
  link: { label: '在控制台查看', url: 'https://baton.example/tasks/tsk_1' },
  mentions: [],
};

describe('DingTalk rendering', () => {
  it('gives the template string variables, buttons as JSON with their 回传参数', () => {
    const params = renderCardParams(card);
    for (const value of Object.values(params)) expect(typeof value).toBe('string');
    expect(params.title).toBe('#3 空调维修');
    expect(params.color).toBe('orange');
    expect(params.body).toContain('🔴 #3.1 联系供应商 · 张三 · 截止 今天 18:00 · 已超时 1小时');
    expect(params.body).toContain('**抄送**：王五');
    expect(params.body).not.toContain('###');
    expect(JSON.parse(params.buttons ?? '')).toEqual([
      {
        text: '完成',
        color: 'blue',
        params: { taskId: 'tsk_1', nodeId: 'nod_1', actionId: 'node.done' },
      },
    ]);
    expect(params.hasButtons).toBe('true');
    expect(params.commands).toBe('/完成 #3.1');
    expect(params.linkUrl).toBe('https://baton.example/tasks/tsk_1');
  });

  it('writes @userId in webhook text and lists the ids in at.atUserIds', () => {
    const body = toWebhookBody({
      kind: 'text',
      text: '【超时升级】#3.1',
      mentions: [{ platformUserId: '0123', name: '赵六' }],
    });
    expect(body).toEqual({
      msgtype: 'text',
      text: { content: '【超时升级】#3.1\n\n@0123' },
      at: { atUserIds: ['0123'], isAtAll: false },
    });
  });

  it('falls back to an action card with the commands to type and the console link', () => {
    const message = toOpenApiMessage({ kind: 'card', card, mentions: [] });
    expect(message.msgKey).toBe('sampleActionCard');
    expect(message.msgParam.singleURL).toBe('https://baton.example/tasks/tsk_1');
    expect(message.msgParam.text).toContain('可回复：`/完成 #3.1`');
  });

  it('names mentioned people in OpenAPI text, which has no at field', () => {
    const message = toOpenApiMessage({
      kind: 'text',
      text: '提醒',
      mentions: [{ platformUserId: '0123', name: '赵六' }],
    });
    expect(message).toEqual({ msgKey: 'sampleText', msgParam: { content: '提醒\n\n@赵六' } });
  });
});

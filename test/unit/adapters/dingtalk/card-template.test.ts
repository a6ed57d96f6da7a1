import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCardParams } from '../../../../adapters/dingtalk/render/card-params.render.js';
import type { Card } from '../../../../cards/card.types.js';

const spec = JSON.parse(
  readFileSync('adapters/dingtalk/card-template/baton-task-card.spec.json', 'utf8'),
) as { variables: { name: string }[] };

const card: Card = {
  key: 'task-t',
  tone: 'info',
  title: 't',
  subtitle: null,
  fields: [],
  steps: [],
  note: null,
  actions: [],
  link: null,
  mentions: [],
};

describe('the shipped card template', () => {
  it('declares exactly the variables the renderer fills', () => {
    expect(spec.variables.map((v) => v.name).sort()).toEqual(
      Object.keys(renderCardParams(card)).sort(),
    );
  });
});

import type { Card, CardStep, CardStepState } from '../card.types.js';

const STATE_MARK: Record<CardStepState, string> = {
  pending: '⏳',
  active: '▶️',
  late: '🔴',
  paused: '⏸️',
  done: '✅',
  rejected: '❌',
  skipped: '➖',
};

/**
 * The markdown fallback of a card, for chats without interactive cards: the same content, and
 * each button becomes the command to type.
 */
export function renderCardAsMarkdown(card: Card): { title: string; markdown: string } {
  const lines = [`### ${card.title}`];
  if (card.subtitle) lines.push(card.subtitle);
  for (const field of card.fields) lines.push(`**${field.label}**：${field.value}`);
  if (card.steps.length > 0) lines.push('', ...card.steps.map(renderStep));
  if (card.note) lines.push('', `> ${card.note.replaceAll('\n', '\n> ')}`);
  if (card.actions.length > 0) {
    lines.push('', `可回复：${card.actions.map((a) => `\`${a.command}\``).join('  ')}`);
  }
  if (card.link) lines.push('', `[${card.link.label}](${card.link.url})`);
  return { title: card.title, markdown: lines.join('\n') };
}

function renderStep(step: CardStep): string {
  const deadline = step.deadline ? ` · 截止 ${step.deadline}` : '';
  const line = `${STATE_MARK[step.state]} ${step.ref} ${step.title}${parallelText(step)} · ${step.owners}${deadline} · ${step.stateText}`;
  return step.details ? `${line}\n　　${step.details}` : line;
}

/** `（与 #12.3 同时进行）` after the title of a step that runs beside others. */
export function parallelText(step: CardStep): string {
  return step.parallelWith.length > 0 ? `（与 ${step.parallelWith.join('、')} 同时进行）` : '';
}

import type { Card } from '../../../cards/card.types.js';
import { renderCardAsMarkdown } from '../../../cards/render/markdown.render.js';

const TONE_COLOR: Record<Card['tone'], string> = {
  info: 'blue',
  success: 'green',
  warning: 'orange',
  danger: 'red',
  muted: 'gray',
};

/** A button as Baton's card template loops over it; `params` go back as the 回传参数 of a tap. */
export interface TemplateButton {
  readonly text: string;
  readonly color: 'blue' | 'gray' | 'red';
  readonly params: Readonly<Record<string, string>>;
}

/**
 * The card's variables for Baton's template (adapters/dingtalk/card-template). The card
 * platform takes only strings, so lists travel as JSON text.
 */
export function renderCardParams(card: Card): Record<string, string> {
  const buttons: TemplateButton[] = card.actions.map((a) => ({
    text: a.label,
    color: a.style === 'primary' ? 'blue' : a.style === 'danger' ? 'red' : 'gray',
    params: { ...a.value, actionId: a.actionId },
  }));
  return {
    title: card.title,
    subtitle: card.subtitle ?? '',
    color: TONE_COLOR[card.tone],
    body: renderBody(card),
    note: card.note ?? '',
    buttons: JSON.stringify(buttons),
    hasButtons: String(buttons.length > 0),
    linkLabel: card.link?.label ?? '',
    linkUrl: card.link?.url ?? '',
    // Shown under the buttons: what to type where taps do not reach (old clients).
    commands: card.actions.map((a) => a.command).join('  '),
  };
}

/** Fields and steps as markdown, the part of the card the template shows in one block. */
function renderBody(card: Card): string {
  const full = renderCardAsMarkdown({
    ...card,
    title: '',
    subtitle: null,
    note: null,
    actions: [],
    link: null,
  });
  return full.markdown.replace(/^### \n?/, '').trim();
}

// A Baton card (cards/card.types.ts) as the simulator and the console show it.
import { el } from './dom.js';

/** `（与 #12.3 同时进行）`, as cards/render/markdown.render.ts writes it. */
const parallelText = (step) =>
  step.parallelWith?.length > 0 ? `（与 ${step.parallelWith.join('、')} 同时进行）` : '';

function stepItem(s) {
  return el(
    'li',
    {},
    `${s.ref} ${s.title}${parallelText(s)} · ${s.owners}${s.deadline ? ` · 截止 ${s.deadline}` : ''} `,
    el('span', { class: `state ${s.state}` }, s.stateText),
    s.details ? el('div', { class: 'details' }, s.details) : null,
  );
}

/**
 * The card: title, subtitle, its fields as a definition list, its steps, its note, its buttons
 * and its link. `heading` is the title's element (the page's outline decides); `actions` turns
 * the card's buttons into what the page offers (buttons to tap, or a line naming them); `link`
 * false leaves out the link (on the page it leads to).
 */
export function renderCard(card, { heading = 'h2', actions = () => null, link = true } = {}) {
  return el(
    'article',
    { class: `card ${card.tone}`, 'data-card': card.key },
    el(heading, {}, card.title),
    card.subtitle ? el('div', { class: 'sub' }, card.subtitle) : null,
    card.fields.length
      ? el(
          'dl',
          {},
          card.fields.map((f) => [el('dt', {}, f.label), el('dd', {}, f.value)]),
        )
      : null,
    card.steps.length ? el('ol', {}, card.steps.map(stepItem)) : null,
    card.note ? el('div', { class: 'note' }, card.note) : null,
    card.actions.length ? actions(card.actions) : null,
    link && card.link ? el('a', { href: card.link.url }, card.link.label) : null,
  );
}

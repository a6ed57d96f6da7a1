import type {
  Card,
  CardAction,
  CardStep,
  CardStepState,
  CardTone,
} from '../../../cards/card.types.js';
import { encodeButtonKey } from './button-key.js';
import { TEMPLATE_CARD_LIMITS as L } from './template-card.limits.js';
import type { WecomButton, WecomButtonCard, WecomHorizontalRow } from './template-card.types.js';
import { limitChars } from './text-limits.js';

const SOURCE = '接力';

/** WeCom's source colours: 0 grey, 1 black, 2 red, 3 green. */
const TONE_COLOR: Record<CardTone, 0 | 1 | 2 | 3> = {
  info: 1,
  success: 3,
  warning: 2,
  danger: 2,
  muted: 0,
};

const BUTTON_STYLE: Record<CardAction['style'], WecomButton['style']> = {
  primary: 1,
  default: 2,
  danger: 3,
};

/** Which steps matter most when not all fit: late first, then the ones being worked on. */
const STEP_PRIORITY: Record<CardStepState, number> = {
  late: 0,
  active: 1,
  paused: 2,
  pending: 3,
  rejected: 4,
  done: 5,
  skipped: 6,
};

/**
 * The neutral card as a WeCom `button_interaction` template card, within WeCom's limits: at most
 * six rows (when the task has more, the late and active steps are shown and the rest are counted,
 * with a link to the console), six buttons, and texts cut to the lengths WeCom displays.
 */
export function renderTemplateCard(card: Card, taskId: string): WecomButtonCard {
  const { rows, hiddenSteps, droppedFields } = layoutRows(card);
  const subTitle = [
    card.note,
    ...droppedFields.map((f) => `${f.label}：${f.value}`),
    hiddenSteps > 0 ? `另有 ${hiddenSteps} 个节点未显示，请点击「查看全部」` : null,
    ...parallelLines(card.steps),
    ...card.steps.flatMap((s) => (s.details ? [`${s.ref} ${s.details}`] : [])),
  ].filter((line): line is string => Boolean(line));
  return {
    card_type: 'button_interaction',
    task_id: taskId,
    source: { desc: SOURCE, desc_color: TONE_COLOR[card.tone] },
    main_title: {
      title: limitChars(card.title, L.mainTitle),
      ...(card.subtitle ? { desc: limitChars(card.subtitle, L.mainTitleDesc) } : {}),
    },
    ...(subTitle.length > 0
      ? { sub_title_text: limitChars(subTitle.join('\n'), L.subTitleText) }
      : {}),
    horizontal_content_list: rows,
    ...(card.link
      ? {
          jump_list: [
            {
              type: 1 as const,
              title: limitChars(hiddenSteps > 0 ? '查看全部' : card.link.label, L.jumpTitle),
              url: card.link.url,
            },
          ],
          card_action: { type: 1 as const, url: card.link.url },
        }
      : {}),
    button_list: card.actions.slice(0, L.buttons).map(
      (action, index): WecomButton => ({
        type: 0,
        text: limitChars(action.label, L.buttonText),
        style: BUTTON_STYLE[action.style],
        key: encodeButtonKey(action, index),
      }),
    ),
  };
}

function layoutRows(card: Card): {
  rows: WecomHorizontalRow[];
  hiddenSteps: number;
  droppedFields: Card['fields'];
} {
  const fieldRows = card.fields.map((f) => row(f.label, f.value));
  if (card.fields.length + card.steps.length <= L.horizontalRows) {
    return { rows: [...fieldRows, ...card.steps.map(stepRow)], hiddenSteps: 0, droppedFields: [] };
  }
  const shown = prioritised(card.steps).slice(0, L.horizontalRows);
  const room = L.horizontalRows - shown.length;
  return {
    rows: [...fieldRows.slice(0, room), ...shown.map(stepRow)],
    hiddenSteps: card.steps.length - shown.length,
    droppedFields: card.fields.slice(room),
  };
}

function prioritised(steps: readonly CardStep[]): CardStep[] {
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => STEP_PRIORITY[a.step.state] - STEP_PRIORITY[b.step.state] || a.index - b.index)
    .map(({ step }) => step);
}

/** A row holds too few characters to say it: one line per group of steps run side by side. */
function parallelLines(steps: readonly CardStep[]): string[] {
  const groups = new Set(
    steps
      .filter((s) => s.parallelWith.length > 0)
      .map((s) =>
        steps
          .filter((t) => t.ref === s.ref || s.parallelWith.includes(t.ref))
          .map((t) => t.ref)
          .join('、'),
      ),
  );
  return [...groups].map((refs) => `${refs} 同时进行`);
}

function stepRow(step: CardStep): WecomHorizontalRow {
  const deadline = step.deadline ? ` ${step.deadline}` : '';
  return row(step.ref, `${step.stateText}·${step.title}·${step.owners}${deadline}`);
}

function row(keyname: string, value: string): WecomHorizontalRow {
  return {
    keyname: limitChars(keyname, L.horizontalKey),
    value: limitChars(value, L.horizontalValue),
  };
}

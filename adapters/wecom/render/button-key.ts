import type { CardAction } from '../../../cards/card.types.js';
import { TEMPLATE_CARD_LIMITS } from './template-card.limits.js';

const ACTION_PARAM = 'a';
const INDEX_PARAM = '_i';

/** A clicked button's meaning, as decoded from its WeCom `key`. */
export interface DecodedButtonKey {
  readonly actionId: string;
  readonly value: Readonly<Record<string, string>>;
}

/**
 * WeCom returns only the button's `key` on a click, so the key carries the neutral action id and
 * its value (`a=node.done&taskId=…&nodeId=…`). `index` keeps keys unique within one card.
 */
export function encodeButtonKey(action: CardAction, index: number): string {
  const params = new URLSearchParams({ [ACTION_PARAM]: action.actionId, ...action.value });
  if (index > 0) params.set(INDEX_PARAM, String(index));
  const key = params.toString();
  if (Buffer.byteLength(key) > TEMPLATE_CARD_LIMITS.buttonKeyBytes) {
    throw new RangeError(`button key of ${action.actionId} exceeds WeCom's 1024 bytes`);
  }
  return key;
}

/** The action behind a clicked key; null for keys Baton did not make. */
export function decodeButtonKey(key: string): DecodedButtonKey | null {
  const params = new URLSearchParams(key);
  const actionId = params.get(ACTION_PARAM);
  if (!actionId) return null;
  const value: Record<string, string> = {};
  for (const [name, v] of params) {
    if (name !== ACTION_PARAM && name !== INDEX_PARAM) value[name] = v;
  }
  return { actionId, value };
}

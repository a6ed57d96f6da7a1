/** The subset of WeCom's `template_card` (card_type `button_interaction`) that Baton sends. */
export interface WecomButtonCard {
  readonly card_type: 'button_interaction';
  readonly task_id: string;
  readonly source: { readonly desc: string; readonly desc_color: 0 | 1 | 2 | 3 };
  readonly main_title: { readonly title: string; readonly desc?: string };
  readonly sub_title_text?: string;
  readonly horizontal_content_list: readonly WecomHorizontalRow[];
  readonly jump_list?: readonly WecomJump[];
  readonly card_action?: { readonly type: 1; readonly url: string };
  readonly button_list: readonly WecomButton[];
}

export interface WecomHorizontalRow {
  readonly keyname: string;
  readonly value: string;
}

export interface WecomJump {
  readonly type: 1;
  readonly title: string;
  readonly url: string;
}

export interface WecomButton {
  /** 0: a callback button (a click arrives as template_card_event with `key`). */
  readonly type: 0;
  readonly text: string;
  /** 1 blue, 2 gray/white, 3 red, 4 — WeCom's fixed styles. */
  readonly style: 1 | 2 | 3 | 4;
  readonly key: string;
}

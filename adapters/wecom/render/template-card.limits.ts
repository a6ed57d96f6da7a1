/**
 * WeCom's template_card limits (message/send 90236, aibot 101032): counts are characters unless
 * named bytes. Most are "建议不超过" (WeCom cuts the display), the list sizes and task_id are hard.
 */
export const TEMPLATE_CARD_LIMITS = {
  sourceDesc: 13,
  mainTitle: 26,
  mainTitleDesc: 30,
  subTitleText: 112,
  horizontalRows: 6,
  horizontalKey: 5,
  horizontalValue: 26,
  jumpTitle: 13,
  jumps: 3,
  buttons: 6,
  buttonText: 10,
  buttonKeyBytes: 1024,
  taskIdBytes: 128,
} as const;

/** task_id may hold only digits, letters and `_-@`. */
export const TASK_ID_FORBIDDEN = /[^0-9A-Za-z_\-@]/g;

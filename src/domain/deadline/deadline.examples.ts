/** Deadline phrases shown in help text; every one of them parses (checked by a unit test). */
export const DEADLINE_EXAMPLES = [
  '明天18:00',
  '周五前',
  '下周一上午',
  '月底前',
  '11月30日 15:00',
  '2小时内',
  '3个工作日内',
  '4个工作小时',
  '活动前3天',
  'T-1',
] as const;

/** The short list quoted when a deadline cannot be understood. */
export const DEADLINE_HINT_EXAMPLES = [
  '明天18:00',
  '周五前',
  '2小时内',
  '3个工作日内',
  '活动前3天',
] as const;

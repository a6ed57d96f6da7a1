import { DomainError } from '../shared/domain-error.js';

const WORK_HOURS_USAGE = '工作时间写成 09:00-18:00（开始早于结束，24 小时制）';

/** `calendar.invalid_work_hours`: business hours that cannot be read or are empty. */
export function invalidWorkHoursError(text: string): DomainError {
  return new DomainError(
    'calendar.invalid_work_hours',
    `工作时间「${text}」看不懂。${WORK_HOURS_USAGE}。`,
    { usage: WORK_HOURS_USAGE },
  );
}

/** `calendar.invalid_timezone`: a time zone the runtime does not know. */
export function invalidTimezoneError(timezone: string): DomainError {
  return new DomainError(
    'calendar.invalid_timezone',
    `时区「${timezone}」不存在，请写 IANA 时区名，例如 Asia/Shanghai。`,
  );
}

/** `calendar.invalid_date`: an extra holiday or workday that is not a `YYYY-MM-DD` date. */
export function invalidCalendarDateError(date: string): DomainError {
  return new DomainError(
    'calendar.invalid_date',
    `日期「${date}」格式不对，请写成 2026-10-01 这样的年-月-日。`,
  );
}

/** `calendar.no_workdays`: the configured days off leave no working day to schedule into. */
export function noWorkdaysError(fromDate: string): DomainError {
  return new DomainError(
    'calendar.no_workdays',
    `从 ${fromDate} 起十年内找不到工作日，请检查组织文件里的节假日设置。`,
  );
}

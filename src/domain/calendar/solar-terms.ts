/**
 * 清明, the one statutory holiday set by a solar term, with the 寿星 formula
 * `day = ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋` (Y = the year's last two digits) and the 21st-century
 * constant C = 4.81 that `chinese-days` uses too. Its `getSolarTermDate()` is not called:
 * it formats the date in the server's zone and answers a day early west of UTC. The package's
 * table of corrections to the formula lists none for 清明 in this century.
 */
import type { LocalDate } from './calendar.types.js';
import { formatLocalDate } from './local-date.models.js';

const QINGMING_C_21ST_CENTURY = 4.81;
const TROPICAL_YEAR_DRIFT = 0.2422;
export const FIRST_SOLAR_TERM_YEAR = 2001;
export const LAST_SOLAR_TERM_YEAR = 2099;

/**
 * The date of 清明 (in April) in `year`, in China's time.
 * @throws RangeError outside 2001–2099, where the formula's constant does not hold.
 */
export function qingmingDate(year: number): LocalDate {
  if (!Number.isInteger(year) || year < FIRST_SOLAR_TERM_YEAR || year > LAST_SOLAR_TERM_YEAR)
    throw new RangeError(
      `清明 is computed for ${FIRST_SOLAR_TERM_YEAR}–${LAST_SOLAR_TERM_YEAR}, not ${year}`,
    );
  const y = year % 100;
  const day = Math.floor(y * TROPICAL_YEAR_DRIFT + QINGMING_C_21ST_CENTURY) - Math.floor(y / 4);
  return formatLocalDate({ year, month: 4, day });
}

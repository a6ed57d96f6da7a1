/** A cell Excel would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is kept as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Rows as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as
 * mojibake), CRLF line ends, quoted where needed.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

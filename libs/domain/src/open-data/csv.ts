/**
 * A streaming-friendly CSV encoder (RFC 4180): comma separator, CRLF line ends, fields quoted when
 * they hold a comma, a double quote or a line break, with quotes doubled. Text cells that a
 * spreadsheet would read as a formula (leading `=`, `+`, `-`, `@`, tab or carriage return) are
 * prefixed with an apostrophe, so opening an export never runs anything.
 */
export type CsvCell = string | number | boolean | Date | null | undefined;

/** The UTF-8 byte order mark, so spreadsheets detect the encoding. */
export const CSV_BOM = '\uFEFF';

export const CSV_LINE_END = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made safe for spreadsheets (formula-injection guard). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function textOf(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'string') return neutraliseFormula(cell);
  return String(cell);
}

/** One field, quoted when needed. Numbers, booleans and dates are never guarded (no formula). */
export function encodeCsvCell(cell: CsvCell): string {
  const text = textOf(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, with its CRLF line end. */
export function encodeCsvRow(cells: readonly CsvCell[]): string {
  return cells.map(encodeCsvCell).join(',') + CSV_LINE_END;
}

/** A whole document: BOM, header row, then one record per row. */
export function encodeCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): string {
  return CSV_BOM + encodeCsvRow(header) + rows.map(encodeCsvRow).join('');
}

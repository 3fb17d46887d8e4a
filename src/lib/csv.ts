// CSV for reports (docs/API.md, "Reports"): RFC 4180 quoting and CRLF record ends, a UTF-8 BOM
// so Excel detects UTF-8 and shows Chinese instead of mojibake, and formula-injection
// neutralisation (OWASP "CSV Injection"; CWE-1236; ASVS 5.0 V1.2.10).

export type CsvCell = string | number | null | undefined;

const BOM = '\uFEFF';
const CRLF = '\r\n';

// Leading characters a spreadsheet may read as the start of a formula or command: = + - @ per
// OWASP/CWE-1236, tab and CR per OWASP, NUL per ASVS 5.0 V1.2.10.
const FORMULA_START = /^[=+\-@\t\r\0]/;
// RFC 4180 §2.6: fields containing a comma, double quote, CR or LF must be enclosed in quotes.
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * The text of one cell before quoting. A string that could start a formula gets a leading `'`,
 * which Excel shows as text. Numbers are ours, not user input, so `-5` stays a number.
 */
export function neutraliseCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // "NaN" or "Infinity" in a report would be a bug upstream, not data to print.
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number for CSV: ${value}`);
    return String(value);
  }
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quoteField(text: string): string {
  // RFC 4180 §2.7: a double quote inside a quoted field is escaped by doubling it.
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows to a CSV document: BOM, then every record ended by CRLF (RFC 4180 §2.1–2.2). */
export function toCsv(rows: CsvCell[][]): string {
  return BOM + rows.map((row) => row.map((cell) => quoteField(neutraliseCell(cell))).join(',') + CRLF).join('');
}

/**
 * CSV output that is safe to open in a spreadsheet (CSV/formula injection, OWASP).
 *
 * Contract: a field whose first character is `=`, `+`, `-`, `@`, TAB or CR is prefixed with a
 * single quote `'`, so Excel, LibreOffice and Google Sheets show it as text and never run it as a
 * formula. A field is then quoted (RFC 4180) when it holds the separator (a comma, or `;` for --excel), a quote, CR or LF. This is
 * applied to every field we write, including ids and error messages copied from the input.
 * The price: a value such as `-3` reads `'-3` in the CSV (see docs/batch.md).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
const NEEDS_QUOTES_SEMICOLON = /[",;\r\n]/;

export function neutraliseCsvField(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV field, neutralised and quoted as needed (`separator`: `,` or `;` for --excel). */
export function csvField(value: string, separator: ',' | ';' = ','): string {
  const safe = neutraliseCsvField(value);
  return (separator === ',' ? NEEDS_QUOTES : NEEDS_QUOTES_SEMICOLON).test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

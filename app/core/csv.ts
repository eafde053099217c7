// CSV writing: RFC 4180 quoting; spreadsheet downloads neutralize formula-looking cells (CSV injection).

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: unknown, neutralize: boolean): string {
  let s = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  if (neutralize && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows to CSV text. `neutralize` (default on) prefixes cells that start with = + - @ so spreadsheets do not
 * run them; the machine-readable flags export turns it off because its evidence must stay verbatim.
 */
export function toCsv(columns: string[], rows: readonly object[], opts: { neutralize?: boolean } = {}): string {
  const neutralize = opts.neutralize ?? true;
  const lines = [columns.map((c) => csvCell(c, neutralize)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvCell(Reflect.get(r, c), neutralize)).join(","));
  return lines.join("\r\n") + "\r\n";
}

// Value parsing for CRM exports. Pure functions; each returns null for blank and throws ValueError when unreadable.

export class ValueError extends Error {}

const pad = (n: number) => String(n).padStart(2, "0");

function isoDate(y: number, m: number, d: number, raw: string): string {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) {
    throw new ValueError(`"${raw}" is not a real calendar date`);
  }
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Reads YYYY-MM-DD, ISO datetimes, M/D/YYYY, M/D/YY and DD.MM.YYYY into YYYY-MM-DD. */
export function parseDate(raw: string | undefined): string | null {
  const s = (raw ?? "").trim();
  if (!s) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3], s);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$/i.exec(s);
  if (m) {
    const y = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    return isoDate(y, +m[1], +m[2], s);
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return isoDate(+m[3], +m[2], +m[1], s);
  throw new ValueError(`unparseable date "${s}" (expected YYYY-MM-DD, M/D/YYYY or DD.MM.YYYY)`);
}

export interface Amount {
  value: number;
  currency: string | null;
}

const CURRENCIES: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", usd: "USD", eur: "EUR", gbp: "GBP", chf: "CHF", sek: "SEK", dkk: "DKK", cad: "CAD", aud: "AUD" };

/** Reads `$48,000.00`, `48.000,00 €`, `500000.0`, `EUR 1.200` into a number and a currency. */
export function parseAmount(raw: string | undefined): Amount | null {
  let s = (raw ?? "").trim();
  if (!s) return null;
  let currency: string | null = null;
  s = s.replace(/[$€£]|\b(?:usd|eur|gbp|chf|sek|dkk|cad|aud)\b/gi, (c) => {
    currency ??= CURRENCIES[c.toLowerCase()] ?? null;
    return "";
  });
  s = s.replace(/[\s\u00a0\u202f']/g, "");
  const negative = /^\(.*\)$/.test(s) || s.startsWith("-");
  s = s.replace(/^[(-]|\)$/g, "");
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) throw new ValueError(`amount "${(raw ?? "").trim()}" is not a number`);
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    normalized = lastComma > lastDot ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  } else if (lastComma >= 0) {
    normalized = /^\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, "") : s.replace(",", ".");
  } else if (lastDot >= 0 && /^\d{1,3}(\.\d{3}){2,}$/.test(s)) {
    normalized = s.replace(/\./g, "");
  } else {
    normalized = s;
  }
  if ((normalized.match(/\./g) ?? []).length > 1) throw new ValueError(`amount "${(raw ?? "").trim()}" is not a number`);
  const value = Number(normalized);
  if (!Number.isFinite(value)) throw new ValueError(`amount "${(raw ?? "").trim()}" is not a number`);
  return { value: negative ? -value : value, currency };
}

/** Reads an optional non-negative number (hours, days). */
export function parseNumber(raw: string | undefined, what: string): number | null {
  const s = (raw ?? "").trim();
  if (!s) return null;
  const n = Number(s.replace(",", "."));
  if (!Number.isFinite(n)) throw new ValueError(`${what} "${s}" is not a number`);
  return n;
}

/** Reads a review decided_at: a date or a timestamp. */
export function parseTimestamp(raw: string | undefined): Date | null {
  const s = (raw ?? "").trim();
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d/.test(s)) {
    const d = new Date(s.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
    if (!Number.isNaN(d.getTime())) return d;
  }
  const day = parseDate(s);
  return day ? new Date(`${day}T00:00:00Z`) : null;
}

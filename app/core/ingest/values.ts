// Value parsing for CRM exports. Pure functions; each returns null for blank and throws ValueError when unreadable.
// Dates go through date-fns `parse` with the list of forms CRMs write (strict: the whole cell must match one);
// currencies come from the ISO 4217 list and CLDR symbols that Node's Intl carries.
import { isValid, parse as parseWith } from "date-fns";

export class ValueError extends Error {}

const pad = (n: number) => String(n).padStart(2, "0");

function isoDate(y: number, m: number, d: number, raw: string): string {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) {
    throw new ValueError(`"${raw}" is not a real calendar date`);
  }
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** How a file writes numeric dates whose day and month could swap (`04/05/2021`). */
export type DayOrder = "month-first" | "day-first";

export interface DateOptions {
  /** numeric dates like 04/05/2021: month first (the default, as US CRMs write them) or day first */
  order?: DayOrder;
}

// The reference date only fills what a form leaves out and places two-digit years (within 50 years of 2000).
const REFERENCE = new Date(2000, 0, 1);
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/** Date forms with month or weekday names (English, as CRMs export them), tried in order. */
const NAMED_FORMS = [
  "d MMM, yyyy",
  "d MMM yyyy",
  "d-MMM-yyyy",
  "d-MMM-yy",
  "d/MMM/yyyy",
  "d MMM yy",
  "d.MMM.yyyy",
  "d MMMM, yyyy",
  "d MMMM yyyy",
  "d-MMMM-yyyy",
  "MMM d, yyyy",
  "MMM d yyyy",
  "MMMM d, yyyy",
  "MMMM d yyyy",
  "MMM-d-yyyy",
  "do MMM yyyy",
  "do MMMM yyyy",
  "MMM do, yyyy",
  "MMMM do, yyyy",
  "yyyy-MMM-dd",
  "yyyy MMM d",
];
/** Numeric forms that cannot be misread: year first, or dots (always day first in CRM exports). */
const YEAR_FIRST_FORMS = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd"];
const DOTTED_FORMS = ["d.M.yyyy", "d.M.yy"];
const MONTH_FIRST_FORMS = ["M/d/yyyy", "M/d/yy", "M-d-yyyy", "M-d-yy"];
const DAY_FIRST_FORMS = ["d/M/yyyy", "d/M/yy", "d-M-yyyy", "d-M-yy"];
const TIME_FORMS = ["H:mm", "H:mm:ss", "H:mm:ss.SSS", "h:mm a", "h:mm:ss a", "h a", "h:mm:ss.SSS a"];

/** A numeric date whose first two parts could be day and month: `04/05/2021`, `16-04-21`. */
const SWAPPABLE = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/;

// A trailing time (with AM/PM, fractions and a zone) is split off and checked on its own: the day is what counts.
const TIME_TAIL = new RegExp(
  [
    String.raw`^(.*?\d[^\d\s,T]*?)(?:,?\s+|`,
    String.raw`T)(\d{1,2}(?::\d{2}){0,2}(?:\.\d+)?\s*(?:[ap]\.?\s?m\.?)?)\s*(z|utc|gmt|[+-]\d{2}:?\d{2}|`,
    String.raw`(?:utc|gmt)[+-]\d{1,2}(?::?\d{2})?|[a-z]{3,4})?$`,
  ].join(""),
  "i",
);

/** Excel stores a date as days since 1899-12-30 (the 1900 leap-year bug included); five digits cover 1927–2173. */
const EXCEL_SERIAL = /^(\d{5})(?:\.\d+)?$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

interface Parts {
  day: string;
  /** hours, minutes, seconds, milliseconds of a time written after the day (wall clock, as written) */
  time: [number, number, number, number] | null;
}

function tidy(s: string): string {
  // one space between words; "Sept"/"Apr." as date-fns reads them
  return s
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .replace(/\bsept\b/gi, "Sep")
    .replace(/\b([a-z]{3,9})\.(?=[\s,-])/gi, "$1");
}

function attempt(s: string, forms: readonly string[]): Date | null {
  for (const f of forms) {
    const d = parseWith(s, f, REFERENCE);
    if (isValid(d) && d.getFullYear() >= MIN_YEAR && d.getFullYear() <= MAX_YEAR) return d;
  }
  return null;
}

function readTime(t: string, raw: string): [number, number, number, number] {
  const d = attempt(t.replace(/\s*([ap])\.?\s?m\.?$/i, (_, x: string) => ` ${x.toUpperCase()}M`).trim(), TIME_FORMS);
  if (!d) throw new ValueError(`unparseable time in "${raw}"`);
  return [d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()];
}

const explain = (s: string) =>
  `unparseable date "${s}" (expected a form such as YYYY-MM-DD, M/D/YYYY, ` +
  `DD.MM.YYYY, 16 Apr 2021, Apr 16, 2021 or an Excel serial number)`;

function readDay(raw: string, opts: DateOptions): Parts {
  const s = tidy(raw.trim());
  // ISO first: the form most files use, read without the format list
  const iso =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      s,
    );
  if (iso) {
    const day = isoDate(+iso[1], +iso[2], +iso[3], s);
    const time: Parts["time"] =
      iso[4] === undefined ? null : [+iso[4], +iso[5], +(iso[6] ?? 0), Math.round(+`0.${iso[7] ?? 0}` * 1000)];
    if (time && (time[0] > 23 || time[1] > 59 || time[2] > 59)) throw new ValueError(`unparseable time in "${s}"`);
    return { day, time };
  }
  const serial = EXCEL_SERIAL.exec(s);
  if (serial) {
    const d = new Date(EXCEL_EPOCH + Number(serial[1]) * 86_400_000);
    return { day: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, time: null };
  }
  let datePart = s;
  let time: Parts["time"] = null;
  const tail = TIME_TAIL.exec(s);
  // a zone after the time is an offset or an upper-case abbreviation (UTC, PST, CEST), never any word
  if (
    tail &&
    /\d:\d|[ap]\.?\s?m\.?$/i.test(tail[2]) &&
    (!tail[3] ||
      (/^(?:z|utc|gmt|[+-].*|[A-Z]{3,4}|(?:utc|gmt)[+-].*)$/i.test(tail[3]) &&
        (/[\d+-]/.test(tail[3]) || tail[3] === tail[3].toUpperCase())))
  ) {
    datePart = tail[1];
    time = readTime(tail[2], s);
  }
  // a weekday before the date ("Fri, 16 Apr 2021", "Friday, April 16th, 2021") adds nothing to the day
  datePart = datePart
    .replace(/,$/, "")
    .replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?=\S)/i, "")
    .trim();
  let d: Date | null;
  if (/[a-z]/i.test(datePart)) d = attempt(datePart, NAMED_FORMS);
  else {
    const swap = SWAPPABLE.exec(datePart);
    if (swap) {
      const [a, b] = [+swap[1], +swap[2]];
      const order = opts.order ?? "month-first";
      if (order === "month-first" && a > 12 && b <= 12)
        throw new ValueError(`"${s}" is not a real calendar date (month ${a}): read month first (M/D/YYYY)`);
      if (order === "day-first" && b > 12 && a <= 12)
        throw new ValueError(`"${s}" is not a real calendar date (month ${b}): read day first (D/M/YYYY)`);
      d = attempt(datePart, order === "day-first" ? DAY_FIRST_FORMS : MONTH_FIRST_FORMS);
    } else d = attempt(datePart, [...YEAR_FIRST_FORMS, ...DOTTED_FORMS]);
  }
  if (!d) {
    // a form we read whose numbers are out of range says so, rather than "unparseable"
    if (/^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(datePart)) throw new ValueError(`"${s}" is not a real calendar date`);
    throw new ValueError(explain(s));
  }
  return { day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time };
}

/**
 * Reads the date forms CRMs write into YYYY-MM-DD: ISO dates and datetimes, M/D/YYYY (or D/M/YYYY with
 * `order: "day-first"`), YYYY/MM/DD, DD.MM.YYYY, month names (`16 Apr, 2021`, `16-Apr-2021`, `Apr 16, 2021`),
 * any of these with a time (24-hour or AM/PM), and Excel serial numbers. The day is the one written: a time zone
 * after the time never moves it.
 */
export function parseDate(raw: string | undefined, opts: DateOptions = {}): string | null {
  const s = (raw ?? "").trim();
  if (!s) return null;
  return readDay(s, opts).day;
}

/**
 * How a column writes its numeric dates, from its own values: day first when some value's first number is over 12
 * (`16/04/2021`) and none has its second number over 12; month first when the reverse; null when its values do not
 * tell (or contradict each other — each value is then read month first, as by default).
 */
export function dayOrderOf(values: Iterable<string>): DayOrder | null {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const v of values) {
    const m = SWAPPABLE.exec((TIME_TAIL.exec(v.trim())?.[1] ?? v).trim());
    if (!m) continue;
    if (+m[1] > 12 && +m[2] <= 12) dayFirst++;
    else if (+m[2] > 12 && +m[1] <= 12) monthFirst++;
  }
  if (dayFirst && !monthFirst) return "day-first";
  if (monthFirst && !dayFirst) return "month-first";
  return null;
}

export interface Amount {
  value: number;
  /** ISO 4217 code, when the cell names or shows one */
  currency: string | null;
}

let symbols: Map<string, string | null> | undefined;
let codes: Set<string> | undefined;

/**
 * ISO codes (from Intl) and the symbols CLDR gives them in English (`CA$`, `R$`, `₹`, `€` …),
 * plus a few CRM spellings.
 */
function currencyTables(): { symbols: Map<string, string | null>; codes: Set<string> } {
  if (!symbols || !codes) {
    codes = new Set(Intl.supportedValuesOf("currency"));
    const map = new Map<string, string | null>();
    const narrow = new Map<string, Set<string>>();
    for (const code of codes) {
      const part = (display: "symbol" | "narrowSymbol") =>
        new Intl.NumberFormat("en", { style: "currency", currency: code, currencyDisplay: display })
          .formatToParts(1)
          .find((p) => p.type === "currency")?.value;
      const sym = part("symbol");
      if (sym && sym !== code && !map.has(sym)) map.set(sym, code);
      const n = part("narrowSymbol");
      if (n && n !== code) narrow.set(n, (narrow.get(n) ?? new Set()).add(code));
    }
    // a narrow symbol names a currency only when no other currency uses it ("₹" yes); a shared one ("kr") is a
    // currency of unknown code
    for (const [n, set] of narrow) if (!map.has(n)) map.set(n, set.size === 1 ? [...set][0] : null);
    // CRM spellings CLDR's English symbols lack; "$" alone is read as USD, as US CRMs write it
    for (const [s, c] of Object.entries({
      $: "USD",
      US$: "USD",
      C$: "CAD",
      CAD$: "CAD",
      AU$: "AUD",
      S$: "SGD",
      SG$: "SGD",
      Rs: "INR",
      "Rs.": "INR",
      RS: "INR",
      "₨": "INR",
      NZ$: "NZD",
      zł: "PLN",
      Fr: "CHF",
      "Fr.": "CHF",
      SFr: "CHF",
      // Gulf spellings: "Dhs 12,500", "SR 9,800", "QR 4,000", "KD 1,250"
      Dh: "AED",
      Dhs: "AED",
      "Dhs.": "AED",
      SR: "SAR",
      QR: "QAR",
      KD: "KWD",
    }))
      map.set(s, c);
    symbols = map;
  }
  return { symbols, codes };
}

function currencyOf(token: string, raw: string): string | null {
  const t = token.trim();
  if (!t) return null;
  const { symbols, codes } = currencyTables();
  if (/^[a-z]{3}$/i.test(t) && codes.has(t.toUpperCase())) return t.toUpperCase();
  for (const k of [t, t.toUpperCase(), t[0].toUpperCase() + t.slice(1).toLowerCase(), t.toLowerCase()])
    if (symbols.has(k)) return symbols.get(k)!;
  // "$129,976.00 AUD", "USD $1,000": a code and a symbol together — the code is the precise one
  const parts = t.split(/\s+|(?<=[^\p{L}])(?=\p{L})|(?<=\p{L})(?=[^\p{L}.])/u).filter(Boolean);
  if (parts.length === 2) {
    const found = parts.map((p) => currencyOf(p, raw));
    const code = parts.findIndex((p) => /^[a-z]{3}$/i.test(p) && codes.has(p.toUpperCase()));
    if (code >= 0) return found[code];
  }
  throw new ValueError(`amount "${raw}" is not a number (unknown currency "${t}")`);
}

const minor = new Map<string, number>();
const minorDigits = (currency: string | null) => {
  if (!currency) return 2;
  let n = minor.get(currency);
  if (n === undefined)
    minor.set(
      currency,
      (n = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2),
    );
  return n;
};

const PLAIN_AMOUNT = /^(\$)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?$/;

/** Digits grouped by a separator: in threes (`1,234,567`) or the Indian way (`12,34,567`). */
const GROUPED = {
  ".": [/^\d{1,3}(\.\d{3})+$/, /^\d{1,2}(\.\d{2})*\.\d{3}$/],
  ",": [/^\d{1,3}(,\d{3})+$/, /^\d{1,2}(,\d{2})*,\d{3}$/],
} as const;

/**
 * Reads CRM amounts into a number and its ISO currency: `$48,000.00`, `48.000,00 €`, `500000.0`, `EUR 1.200`,
 * `Rs 18,40,000` and `₹20,11,000` (Indian grouping), `R$ 162.860,00`, `SGD 41,080.00`, `S$102,040`, `CA$71,040`,
 * `$129,976.00 AUD`, `(1,200)`. A lone separator followed by exactly three digits groups thousands (`EUR 8.400` is
 * 8400), unless the currency has three minor digits (KWD, BHD …).
 */
export function parseAmount(raw: string | undefined): Amount | null {
  const text = (raw ?? "").trim();
  if (!text) return null;
  // the common forms first, without the general reading: 84500, 500000.0, $48,000.00
  const plain = PLAIN_AMOUNT.exec(text);
  if (plain) return { value: Number(plain[2].replace(/,/g, "") + (plain[3] ?? "")), currency: plain[1] ? "USD" : null };
  const notNumber = () => new ValueError(`amount "${text}" is not a number`);
  const first = text.search(/\d/);
  if (first < 0) throw notNumber();
  let last = text.length - 1;
  while (!/\d/.test(text[last])) last--;
  let prefix = text.slice(0, first);
  let suffix = text.slice(last + 1);
  let core = text.slice(first, last + 1).replace(/[\s\u00a0\u202f'’]/g, "");
  // signs around the currency: "-$1,200", "$-1,200", "(1,200)", "1.200-"
  const negative = /[-−(]/.test(prefix + suffix);
  prefix = prefix.replace(/[-−()+]/g, "");
  suffix = suffix.replace(/[-−()+]/g, "");
  const currency = currencyOf(`${prefix.trim()} ${suffix.trim()}`.trim(), text);
  if (!/^\d[\d.,]*$/.test(core)) throw notNumber();
  const dots = (core.match(/\./g) ?? []).length;
  const commas = (core.match(/,/g) ?? []).length;
  let normalized: string;
  const grouped = (sep: "." | ",") => GROUPED[sep].some((re) => re.test(core));
  if (dots && commas) {
    const decimal = core.lastIndexOf(",") > core.lastIndexOf(".") ? "," : ".";
    const group: "." | "," = decimal === "," ? "." : ",";
    const [int, frac, ...more] = core.split(decimal);
    if (more.length || !frac || frac.includes(group)) throw notNumber();
    core = int;
    if (!grouped(group)) throw notNumber();
    normalized = `${int.split(group).join("")}.${frac}`;
  } else if (dots || commas) {
    const sep: "." | "," = dots ? "." : ",";
    const n = dots || commas;
    const after = core.length - core.lastIndexOf(sep) - 1;
    if (n > 1 || (after === 3 && minorDigits(currency) !== 3)) {
      if (!grouped(sep)) throw notNumber();
      normalized = core.split(sep).join("");
    } else {
      normalized = core.replace(sep, ".");
    }
  } else {
    normalized = core;
  }
  const value = Number(normalized);
  if (!Number.isFinite(value)) throw notNumber();
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

/** Reads a review decided_at: a date, or a date with a time (any form parseDate reads), as UTC. */
export function parseTimestamp(raw: string | undefined, opts: DateOptions = {}): Date | null {
  const s = (raw ?? "").trim();
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d/.test(s)) {
    const d = new Date(s.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
    if (!Number.isNaN(d.getTime())) return d;
  }
  const { day, time } = readDay(s, opts);
  const [h, m, sec, ms] = time ?? [0, 0, 0, 0];
  return new Date(`${day}T${pad(h)}:${pad(m)}:${pad(sec)}.${String(ms).padStart(3, "0")}Z`);
}

// Splits a field into lines, list items, sentences and clauses, keeping exact offsets into the
// original string (UTF-16 code units, as JavaScript indexes strings): CRLF, tabs and non-ASCII stay put.

import { memo } from "./memo";
import { MONTH_RE } from "./numbers";

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Unit extends Span {
  /** the list marker this unit's item began with ("2.4", "D3.", "-", "a)"), if any */
  marker: string | null;
  /** index of the item (line or bullet) the unit belongs to */
  item: number;
  /** the nearest heading above the item, lower-cased ("deliverables", "acceptance", "assumptions") */
  section: string;
  /** true when the unit is a heading line */
  heading: boolean;
  /** for a Markdown table cell: its column (0-based) */
  cell?: number;
}

/** A Markdown heading ("## Scope", "#Scope"), not a ticket number ("#81402", "#HD-40215"). */
export const MD_HEADING = /^#{1,6}(?:\s+|(?=\p{Lu}\p{Ll}))/u;
const MARKER = new RegExp(
  [
    String.raw`^(?:[-–—•*◦▪·>]+\s+|(?:item|phase|task|deliverable|section|step|article|part|`,
    String.raw`milestone)\s+(?:\d+(?:\.\d+)*|[A-Z])[.:)]?(?:\s+[—–-])?\s+|\(?[a-z]\)\s+|`,
    String.raw`\(?[ivx]{1,4}\)\s+|[A-Z]{1,2}\d+(?:\.\d+)*[.:)]?\s+|\d+(?:\.\d+)*[.)]?\s+|`,
    String.raw`§\s*\d+(?:\.\d+)*\s+)`,
  ].join(""),
  "i",
);

export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** Trims whitespace (and optionally trailing separators) from a span without changing what it points into. */
export function trimSpan(source: string, start: number, end: number, trailing = /[\s]/): Span {
  while (start < end && /\s/.test(source[start])) start++;
  while (end > start && trailing.test(source[end - 1])) end--;
  return span(source, start, end);
}

/** Lines of a text with their offsets (a CRLF counts as one break). */
export function lines(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n" || text[i] === "\r") {
      out.push(span(text, start, i));
      if (text[i] === "\r" && text[i + 1] === "\n") i++;
      start = i + 1;
    }
  }
  return out;
}

const ABBREV = new RegExp(
  [
    String.raw`(?:\b(?:e\.g|i\.e|etc|approx|incl|vs|no|nos|dr|mr|mrs|ms|prof|inc|ltd|co|corp|st|jr|sr|dept|`,
    String.raw`est|min|max|yr|yrs|mo|mos|wk|wks|hr|hrs|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|`,
    String.raw`fig|sec|vol|pp|para|paras|ch|cl|ref|ext|attn|govt|mgmt|qty|avg|cf|viz|pt|pts|u\.s|p\.m|a\.m)|`,
    String.raw`\b[A-Z])\.$`,
  ].join(""),
  "i",
);

const MONTH_AFTER = new RegExp(String.raw`^${MONTH_RE}`, "i");

/** Splits a line (or any span) into sentences at . ! ? followed by space and a capital, a digit or a quote. */
export function sentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === "." || c === "!" || c === "?") {
      // dot leaders ("Cutover ........ Oct 3") and ellipses do not end a sentence
      if (c === "." && (text[i + 1] === "." || text[i - 1] === ".")) continue;
      let j = i + 1;
      while (j < end && /[)"'”’]/.test(text[j])) j++;
      if (j < end && !/\s/.test(text[j])) continue;
      let k = j;
      while (k < end && /\s/.test(text[k])) k++;
      if (k >= end) break;
      if (c === "." && ABBREV.test(text.slice(Math.max(start, i - 6), i + 1))) continue;
      if (c === "." && /\d$/.test(text.slice(s, i)) && /^\d/.test(text.slice(k))) continue;
      // a day written as an ordinal ("am 3. Oktober", "le 1. mai") runs on into its month
      if (c === "." && /(?<![\d.])\d{1,2}$/.test(text.slice(s, i)) && MONTH_AFTER.test(text.slice(k, k + 12))) continue;
      if (!/[A-Z0-9"'“‘(•\-–—\u00C0-\u024F§]/.test(text[k])) continue;
      const t = trimSpan(text, s, j);
      if (t.text) out.push(t);
      s = k;
      i = k - 1;
    }
  }
  const t = trimSpan(text, s, end);
  if (t.text) out.push(t);
  return out;
}

/** What follows a dash in a schedule line ("Go-live — 2026-12-07", "UAT — 15 June 2026"): its date, no clause. */
const DATE_ONLY = new RegExp(
  String.raw`^\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|` +
    String.raw`\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|` +
    String.raw`[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})` +
    String.raw`\s*[.;]?\s*$`,
);

/**
 * Splits a sentence into clauses at top-level commas, semicolons, dashes and "and"/"but"/"so",
 * never inside parentheses or quotes.
 */
export function clauses(
  text: string,
  start: number,
  end: number,
  opts: { commas?: boolean; conjunctions?: boolean } = {},
): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let s = start;
  // a dash before a lone date, up to the clause's end, joins them ("Go-live — 29 March 2027; Hypercare — …")
  const dateOnly = (from: number) => {
    const semi = text.indexOf(";", from);
    return DATE_ONLY.test(text.slice(from, semi >= 0 && semi < end ? semi : end));
  };
  const cut = (at: number, skip: number) => {
    const t = trimSpan(text, s, at, /[\s,;:]/);
    if (t.text) out.push(t);
    s = at + skip;
  };
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    if (depth > 0) continue;
    if (c === ";") cut(i, 1);
    else if ((c === "—" || c === "–") && /\s/.test(text[i - 1] ?? "") && /\s/.test(text[i + 1] ?? "")) {
      if (!dateOnly(i + 1)) cut(i, 1);
    } else if (c === " " && text[i + 1] === "-" && text[i + 2] === " " && !dateOnly(i + 2)) cut(i, 2);
    else if (
      opts.commas &&
      c === "," &&
      /\s/.test(text[i + 1] ?? "") &&
      !/\d/.test(text[i + 2] ?? "") &&
      // (a weekday's comma is inside its date: "Tuesday, 2 December")
      !/(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i.test(text.slice(i - 9, i))
    )
      cut(i, 1);
    else if (opts.conjunctions && c === " ") {
      const m = /^ (?:with|plus|and (?:the|a|an|all)) /i.exec(text.slice(i, i + 9));
      if (m && i > s + 8) cut(i, 1);
    }
  }
  cut(end, 0);
  return out;
}

/**
 * Every item (line or list item) of a field, split into sentences, with the section heading it sits under.
 * Markdown table rows become one unit per cell.
 */
/** True when a line is only an underline (Setext heading) or a table rule. */
const RULE_LINE = /^\s*(?:[-=]{3,}|\|?\s*:?-{3,}.*)\s*$/;

/**
 * Physical lines joined into logical lines: a line wrapped in the middle of a sentence (as plain-text
 * and Markdown documents are) continues the one before it. A new list marker, a heading, a blank line
 * or a short title line starts a new one.
 */
/** A document's byline under its title ("by wren — signed jul 11, 2025", "prepared by A. Lee, v3"): a line of its own. */
const BYLINE =
  /^(?:(?:written|prepared|authored|drafted)\s+)?by\s+[\w.'’ -]{2,40}?\s*[—–,-]\s*(?:signed|v\d|version|dated|rev)\b/i;

export function logicalLines(text: string): Span[] {
  const out: Span[] = [];
  const phys = lines(text);
  // A wrapped line runs close to the text's wrap width (taken as the 75th percentile of line lengths): a much
  // shorter line ends a thought (notes are one thought per line) and a much longer one was never wrapped.
  const lengths = phys
    .map((l) => l.text.trimEnd().length)
    .filter((n) => n > 20)
    .sort((a, b) => a - b);
  const width = lengths.length ? lengths[Math.floor(0.75 * (lengths.length - 1))] : 0;
  const wrapMin = Math.max(50, 0.75 * width);
  const wrapMax = Math.max(60, 1.15 * width);
  for (let i = 0; i < phys.length; i++) {
    const ln = phys[i];
    const body = ln.text.trim();
    if (!body || RULE_LINE.test(body)) {
      out.push(ln);
      continue;
    }
    const prev = out[out.length - 1];
    const prevBody = prev?.text.trim() ?? "";
    const underlined =
      RULE_LINE.test(phys[i + 1]?.text ?? "") &&
      !/^\s*$/.test(phys[i + 1]?.text ?? "") &&
      /^[-=]/.test((phys[i + 1]?.text ?? "").trim());
    const continues =
      prev !== undefined &&
      prevBody !== "" &&
      !RULE_LINE.test(prevBody) &&
      !/[.!?:]["'”’)]*$/.test(prevBody) &&
      !/^#/.test(prevBody) &&
      !/^#/.test(body) &&
      !MARKER.test(body) &&
      !body.startsWith("|") &&
      !BYLINE.test(body) &&
      !underlined &&
      lastPhysicalLength(text, prev) >= wrapMin &&
      lastPhysicalLength(text, prev) <= wrapMax &&
      // a wrapped sentence goes on in lower case or after a word that cannot end it
      (/^[a-z(“"'‘]/.test(body) ||
        /(?:[,;(/-]|\b(?:and|or|the|of|to|a|an|for|in|on|with|by|from|that|at|as|its|their|our))$/i.test(prevBody)) &&
      prevBody !== prevBody.toUpperCase();
    if (continues) out[out.length - 1] = span(text, prev.start, ln.end);
    else out.push(ln);
  }
  return out;
}

function lastPhysicalLength(text: string, s: Span): number {
  const t = text.slice(s.start, s.end);
  const i = Math.max(t.lastIndexOf("\n"), t.lastIndexOf("\r"));
  return t.slice(i + 1).trim().length;
}

export const units = memo(64, unitsOf);

function unitsOf(text: string): Unit[] {
  const out: Unit[] = [];
  let section = "";
  let item = -1;
  const ll = logicalLines(text);
  for (let li = 0; li < ll.length; li++) {
    const ln = ll[li];
    const raw = ln.text;
    if (!raw.trim() || (RULE_LINE.test(raw.trim()) && !raw.trim().startsWith("|"))) continue;
    let start = ln.start;
    while (start < ln.end && /[\s>]/.test(text[start])) start++;
    const body = text.slice(start, ln.end);
    if (/^\|?\s*:?-{3,}/.test(body)) continue; // table separator
    item++;
    if (body.startsWith("|")) {
      let cellStart = start + 1;
      let column = 0;
      for (let i = start + 1; i <= ln.end; i++) {
        if (i === ln.end || text[i] === "|") {
          const t = trimSpan(text, cellStart, i);
          // (a cell of notes holds sentences of its own: "Net 45 approved. Travel is on us.")
          if (t.text)
            for (const x of sentences(text, t.start, t.end))
              out.push({ ...x, marker: null, item, section, heading: false, cell: column });
          if (i < ln.end) column++;
          cellStart = i + 1;
        }
      }
      continue;
    }
    const underlined = /^\s*[-=]{3,}\s*$/.test(ll[li + 1]?.text ?? "");
    const md = MD_HEADING.exec(body);
    const m = md ? null : MARKER.exec(body);
    const marker = m ? m[0].trim() : null;
    const contentStart = start + (md ? md[0].length : m ? m[0].length : 0);
    const isHeading = Boolean(md) || underlined;
    if (isHeading)
      section = text
        .slice(contentStart, ln.end)
        .replace(/[*_#]/g, "")
        .replace(/^[\d.\s]+/, "")
        .trim()
        .toLowerCase();
    for (const s of sentences(text, contentStart, ln.end))
      out.push({ start: s.start, end: s.end, text: s.text, marker, item, section, heading: isHeading });
  }
  return out;
}

/** Groups units by item. */
export const items = memo(32, itemsOf);

function itemsOf(
  text: string,
): { item: number; marker: string | null; section: string; units: Unit[]; start: number; end: number; text: string }[] {
  const groups = new Map<number, Unit[]>();
  for (const u of units(text)) {
    if (!groups.has(u.item)) groups.set(u.item, []);
    groups.get(u.item)!.push(u);
  }
  return [...groups.entries()].map(([item, us]) => ({
    item,
    marker: us[0].marker,
    section: us[0].section,
    units: us,
    start: us[0].start,
    end: us[us.length - 1].end,
    text: text.slice(us[0].start, us[us.length - 1].end),
  }));
}

// Splits a field into lines, list items, sentences and clauses, keeping exact offsets into the
// original string (UTF-16 code units, as JavaScript indexes strings): CRLF, tabs and non-ASCII stay put.

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
}

const MARKER =
  /^(?:[-–—•*◦▪·>]+\s+|(?:item|phase|task|deliverable|section|step)\s+\d+(?:\.\d+)*[.:)]?\s+|\(?[a-z]\)\s+|\(?[ivx]{1,4}\)\s+|[A-Z]{1,2}\d+(?:\.\d+)*[.:)]?\s+|\d+(?:\.\d+)*[.)]?\s+|§\s*\d+(?:\.\d+)*\s+)/i;

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

const ABBREV = /(?:\b(?:e\.g|i\.e|etc|approx|incl|vs|no|nos|dr|mr|mrs|ms|inc|ltd|co|corp|st|jr|sr|dept|est|min|max|yr|yrs|mo|mos|wk|wks|hr|hrs|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|fig|sec|u\.s|p\.m|a\.m)|\b[A-Z])\.$/i;

/** Splits a line (or any span) into sentences at . ! ? followed by space and a capital, a digit or a quote. */
export function sentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === "." || c === "!" || c === "?" || c === ";") {
      let j = i + 1;
      while (j < end && /[)"'”’]/.test(text[j])) j++;
      if (j < end && !/\s/.test(text[j])) continue;
      let k = j;
      while (k < end && /\s/.test(text[k])) k++;
      if (k >= end) break;
      if (c === "." && ABBREV.test(text.slice(Math.max(start, i - 6), i + 1))) continue;
      if (c === "." && /\d$/.test(text.slice(s, i)) && /^\d/.test(text.slice(k))) continue;
      if (c !== ";" && !/[A-Z0-9"'“‘(•\-–—\u00C0-\u024F]/.test(text[k])) continue;
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

/**
 * Splits a sentence into clauses at top-level commas, semicolons, dashes and "and"/"but"/"so",
 * never inside parentheses or quotes.
 */
export function clauses(text: string, start: number, end: number, opts: { commas?: boolean } = {}): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let s = start;
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
    else if ((c === "—" || c === "–") && /\s/.test(text[i - 1] ?? "") && /\s/.test(text[i + 1] ?? "")) cut(i, 1);
    else if (c === " " && text[i + 1] === "-" && text[i + 2] === " ") cut(i, 2);
    else if (opts.commas && c === "," && /\s/.test(text[i + 1] ?? "") && !/\d/.test(text[i + 2] ?? "")) cut(i, 1);
  }
  cut(end, 0);
  return out;
}

const HEADING_WORDS =
  /^(?:\d+(?:\.\d+)*\.?\s*)?(?:#+\s*)?([A-Za-z][A-Za-z &/-]{2,60}?)\s*[.:]?\s*$|^(?:\d+(?:\.\d+)*\.?\s+)?([A-Z][A-Za-z &/-]{2,40})[.:]\s/;

/**
 * Every item (line or list item) of a field, split into sentences, with the section heading it sits under.
 * Markdown table rows become one unit per cell.
 */
export function units(text: string): Unit[] {
  const out: Unit[] = [];
  let section = "";
  let item = -1;
  for (const ln of lines(text)) {
    const raw = ln.text;
    if (!raw.trim()) continue;
    let start = ln.start;
    while (start < ln.end && /[\s>]/.test(text[start])) start++;
    const body = text.slice(start, ln.end);
    if (/^\|?\s*:?-{3,}/.test(body)) continue; // table separator
    item++;
    if (body.startsWith("|")) {
      let cellStart = start + 1;
      for (let i = start + 1; i <= ln.end; i++) {
        if (i === ln.end || text[i] === "|") {
          const t = trimSpan(text, cellStart, i);
          if (t.text) out.push({ ...t, marker: null, item, section, heading: false });
          cellStart = i + 1;
        }
      }
      continue;
    }
    const m = MARKER.exec(body);
    const marker = m ? m[0].trim() : null;
    const contentStart = start + (m ? m[0].length : 0);
    const h = HEADING_WORDS.exec(body.replace(/^#+\s*/, ""));
    const isHeading = Boolean(/^#+\s/.test(body) || (h && h[1] && body.trim().split(/\s+/).length <= 8 && !/[.!?]\s*\S/.test(body.trim())));
    if (/^#+\s/.test(body) || (h && h[1])) {
      if (isHeading) section = (h?.[1] ?? body.replace(/^#+\s*/, "")).toLowerCase().trim();
    } else if (h && h[2]) {
      section = h[2].toLowerCase().trim();
    }
    for (const s of sentences(text, contentStart, ln.end)) out.push({ ...s, marker, item, section, heading: isHeading });
  }
  return out;
}

/** Groups units by item. */
export function items(text: string): { item: number; marker: string | null; section: string; units: Unit[]; start: number; end: number; text: string }[] {
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

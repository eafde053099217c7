import { createHash } from "node:crypto";
import { isUtf8 } from "node:buffer";
import { createReadStream, promises as fsp } from "node:fs";
import iconv from "iconv-lite";

/** The most columns a file may have (HubSpot exports at most 1,000 properties): beyond it, a clear refusal. */
export const MAX_COLUMNS = 1000;

export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportRefused";
  }
}

export interface Sniffed {
  sha256: string;
  sizeBytes: number;
  encoding: "utf-8" | "windows-1252";
  delimiter: string;
  headers: string[];
  /** the physical line each data record starts on, in file order (blank lines are not records) */
  recordLines: Int32Array;
  /**
   * true when the file has none of the irregularities only the streaming reader handles: blank lines between
   * records, a quote left open at the end, lone CR line breaks
   */
  regular: boolean;
}

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/**
 * First pass over the file: size limit, binary check, sha256, encoding (UTF-8 when every byte
 * sequence is valid UTF-8, else Windows-1252, as German and French Excel write) and delimiter.
 */
export async function sniffFile(
  file: string,
  maxBytes = DEFAULT_MAX_BYTES,
  onBytes?: (bytes: number) => void,
): Promise<Sniffed> {
  let stat;
  try {
    stat = await fsp.stat(file);
  } catch {
    throw new ImportRefused(`cannot read ${file}: no such file`);
  }
  if (!stat.isFile()) throw new ImportRefused(`${file} is not a file`);
  if (stat.size > maxBytes) {
    throw new ImportRefused(
      `${file} is ${(stat.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} ` +
        `MB import limit (PT_MAX_UPLOAD_MB raises it)`,
    );
  }
  if (stat.size === 0) throw new ImportRefused(`${file} is empty: a CSV needs a header row`);
  const hash = createHash("sha256");
  const utf8 = new Utf8Check();
  let head: Buffer | undefined;
  let delimiter = ",";
  let scanner: RecordScanner | undefined;
  // one buffer, reused for every chunk: a 100 MB file does not leave 100 chunks for the garbage collector
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fh = await fsp.open(file, "r");
  try {
    for (let read = 0; ;) {
      const { bytesRead } = await fh.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      if (!head) {
        head = Buffer.from(chunk.subarray(0, 65536));
        // the separators are ASCII, so the header line's can be counted before the encoding is known
        delimiter = detectDelimiter(headerLine(head.toString("latin1")));
        scanner = new RecordScanner(delimiter);
      }
      hash.update(chunk);
      scanner!.push(chunk);
      onBytes?.((read += bytesRead));
      utf8.push(chunk);
    }
  } finally {
    await fh.close();
  }
  const validUtf8 = utf8.end();
  if (!head || !scanner) throw new ImportRefused(`${file} is empty: a CSV needs a header row`);
  if (head.subarray(0, 8192).includes(0))
    throw new ImportRefused(`${file} is not a text file (it holds NUL bytes); export the data as CSV`);
  const encoding = validUtf8 ? "utf-8" : "windows-1252";
  const text = iconv.decode(head, encoding === "utf-8" ? "utf8" : "win1252").replace(/^\uFEFF/, "");
  const firstLine = headerLine(text);
  if (!firstLine.trim()) throw new ImportRefused(`${file} has no header row (the first line is blank)`);
  const headers = parseHeader(firstLine, delimiter);
  if (headers.length < 2)
    throw new ImportRefused(`${file} does not look like a CSV: its first line has no , ; or tab separated header`);
  if (headers.length > MAX_COLUMNS) {
    throw new ImportRefused(
      `${file} has ${headers.length.toLocaleString("en-US")} columns, over the ` +
        `limit of ${MAX_COLUMNS.toLocaleString("en-US")} columns a file may have; ` +
        `export fewer columns (the deal's fields and handoff text are enough)`,
    );
  }
  const scan = scanner.end();
  return {
    sha256: hash.digest("hex"),
    sizeBytes: stat.size,
    encoding,
    delimiter,
    headers,
    recordLines: scan.lines.subarray(1),
    regular: scan.regular,
  };
}

const sequenceLength = (lead: number) => (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2);

/**
 * Checks that a byte stream is valid UTF-8, chunk by chunk, without decoding it (no strings to collect): a
 * character split across chunks is checked whole.
 */
export class Utf8Check {
  private valid = true;
  private carry: Buffer | null = null;

  push(chunk: Buffer): void {
    if (!this.valid) return;
    let start = 0;
    if (this.carry) {
      const need = sequenceLength(this.carry[0]);
      while (start < need - this.carry.length && start < chunk.length && (chunk[start] & 0xc0) === 0x80) start++;
      const piece = Buffer.concat([this.carry, chunk.subarray(0, start)]);
      if (piece.length < need && start === chunk.length) {
        this.carry = piece;
        return;
      }
      this.valid = isUtf8(piece);
      this.carry = null;
    }
    // hold back a character the chunk ends in the middle of
    let end = chunk.length;
    let lead = end - 1;
    while (lead >= start && end - lead < 4 && (chunk[lead] & 0xc0) === 0x80) lead--;
    if (lead >= start && chunk[lead] >= 0xc0 && end - lead < sequenceLength(chunk[lead])) {
      this.carry = Buffer.from(chunk.subarray(lead));
      end = lead;
    }
    this.valid &&= isUtf8(chunk.subarray(start, end));
  }

  end(): boolean {
    return this.valid && this.carry === null;
  }
}

/** Where the scanner is within a record. */
const enum At {
  RecordStart,
  FieldStart,
  Unquoted,
  Quoted,
  /** just after a quote inside a quoted field: an escaped quote, the field's end, or something irregular */
  QuoteSeen,
}

/**
 * Finds where each CSV record starts, in one pass over the bytes, chunk by chunk, without building fields:
 * RFC 4180 quoting (a quote opens a field only at its start; `""` inside is a quote; a quote inside an unquoted
 * field is a character). Works on UTF-8 and Windows-1252 alike: quote, separator, LF and CR are single bytes in
 * both. The header is the first record. A file is "regular" when it has none of what only the streaming reader
 * handles: blank lines between records, text after a closing quote, a quote left open, lone CR line breaks.
 */
export class RecordScanner {
  private at = At.RecordStart;
  private line = 1;
  private pendingCR = false;
  private sawBlank = false;
  private starts = new Int32Array(1024);
  private count = 0;
  private regular = true;
  /** record ends seen: 1 = LF, 2 = CRLF (both in one file is irregular: DuckDB's reader takes the first it sees) */
  private ends = 0;
  private lastByte = -1;
  private readonly sep: number;

  constructor(delimiter: string) {
    this.sep = delimiter.charCodeAt(0);
  }

  push(buf: Buffer): void {
    const n = buf.length;
    if (this.pendingCR && n > 0 && buf[0] !== 10) this.regular = false;
    this.pendingCR = false;
    for (let r = buf.indexOf(13); r >= 0; r = buf.indexOf(13, r + 1)) {
      if (r + 1 === n) this.pendingCR = true;
      else if (buf[r + 1] !== 10) this.regular = false;
    }
    // next positions of LF, quote and separator at or after i (n when none), found with indexOf and reused
    let lf = -1;
    let quote = -1;
    let sep = -1;
    const next = (byte: number, from: number) => {
      const p = buf.indexOf(byte, from);
      return p < 0 ? n : p;
    };
    let i = 0;
    while (i < n) {
      const b = buf[i];
      switch (this.at) {
        case At.RecordStart:
          if (b === 10) {
            this.line++;
            if (this.count > 0) this.sawBlank = true;
            i++;
          } else if (b === 13) i++;
          else {
            this.startRecord();
            this.at = At.FieldStart;
          }
          break;
        case At.FieldStart:
          if (b === 34) {
            this.at = At.Quoted;
            i++;
          } else if (b === this.sep) i++;
          else if (b === 10) {
            this.endRecord(buf, i);
            i++;
          } else this.at = At.Unquoted;
          break;
        case At.Unquoted:
          if (lf < i) lf = next(10, i);
          if (sep < i) sep = next(this.sep, i);
          if (sep < lf) {
            this.at = At.FieldStart;
            i = sep + 1;
          } else if (lf < n) {
            this.endRecord(buf, lf);
            i = lf + 1;
          } else i = n;
          break;
        case At.Quoted:
          if (quote < i) quote = next(34, i);
          if (lf < i) lf = next(10, i);
          while (lf < quote) {
            this.line++;
            lf = next(10, lf + 1);
          }
          if (quote < n) {
            this.at = At.QuoteSeen;
            i = quote + 1;
          } else i = n;
          break;
        case At.QuoteSeen:
          if (b === 34) {
            this.at = At.Quoted;
            i++;
          } else if (b === this.sep) {
            this.at = At.FieldStart;
            i++;
          } else if (b === 10) {
            this.endRecord(buf, i);
            i++;
          } else if (b === 13) i++;
          else {
            this.regular = false;
            this.at = At.Unquoted;
          }
          break;
      }
    }
    if (n > 0) this.lastByte = buf[n - 1];
  }

  private startRecord(): void {
    if (this.sawBlank) this.regular = false;
    if (this.count === this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = this.line;
  }

  private endRecord(buf: Buffer, lf: number): void {
    this.ends |= (lf > 0 ? buf[lf - 1] : this.lastByte) === 13 ? 2 : 1;
    if (this.ends === 3) this.regular = false;
    this.line++;
    this.at = At.RecordStart;
  }

  end(): { lines: Int32Array; regular: boolean } {
    return {
      lines: this.starts.subarray(0, this.count),
      regular: this.regular && this.at !== At.Quoted && !this.pendingCR,
    };
  }
}

/** The header row (which may itself contain quoted line breaks). */
function headerLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if ((c === "\n" || c === "\r") && !quoted) return text.slice(0, i);
  }
  return text;
}

/** Picks the separator that splits the header line most (outside quotes). */
export function detectDelimiter(line: string): string {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0, "|": 0 };
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c]++;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][1] > 0
    ? Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0]
    : ",";
}

function parseHeader(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(field);
      field = "";
    } else field += c;
  }
  out.push(field);
  return out.map((h) => h.trim());
}

export type CsvEvent =
  | { type: "row"; line: number; fields: string[] }
  | { type: "bad"; line: number; reason: string; raw: string }
  | { type: "footer"; line: number; raw: string };

/** One record as RFC 4180 splits it, with the physical line it starts on and its text as written. */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** the record's text without its line break */
  raw: string;
  /** text after a closing quote: the field it happened in (1-based) */
  malformedField?: number;
  /** a quoted field still open at the end of the file */
  unterminated?: boolean;
}

/**
 * Splits decoded text into RFC 4180 records, chunk by chunk: a record ends at CRLF, LF or a lone CR outside
 * quotes (mixed in one file, as any RFC 4180 reader reads them); a quote opens a field only at its start and `""`
 * inside is a quote; a quote inside an unquoted field is a character. Text after a closing quote (`"D1"junk`)
 * marks the record malformed rather than being glued to the field. Line numbers count CRLF, LF and CR alike.
 * A record cut by the end of a chunk is parsed again when more text has come (at least as much again, so a quote
 * left open near the start of a large file costs linear, not quadratic, time).
 */
export class CsvRecordReader {
  private pending = "";
  private retryAt = 0;
  private line = 1;
  private readonly sep: number;

  constructor(delimiter: string) {
    this.sep = delimiter.charCodeAt(0);
  }

  push(text: string): CsvRecord[] {
    this.pending += text;
    if (this.pending.length < this.retryAt) return [];
    return this.drain(false);
  }

  end(): CsvRecord[] {
    return this.drain(true);
  }

  private drain(final: boolean): CsvRecord[] {
    const s = this.pending;
    const out: CsvRecord[] = [];
    let pos = 0;
    while (pos < s.length) {
      const next = this.one(s, pos, final, out);
      if (next < 0) break;
      pos = next;
    }
    this.pending = s.slice(pos);
    this.retryAt = this.pending.length * 2;
    return out;
  }

  /** Parses the record starting at pos into out and returns where the next one starts, or -1 when it is cut. */
  private one(s: string, pos: number, final: boolean, out: CsvRecord[]): number {
    const n = s.length;
    const sep = this.sep;
    const fields: string[] = [];
    let breaks = 0;
    let malformedField: number | undefined;
    let i = pos;
    const stop = (from: number) => {
      let j = from;
      while (j < n) {
        const c = s.charCodeAt(j);
        if (c === sep || c === 10 || c === 13) break;
        j++;
      }
      return j;
    };
    for (;;) {
      if (i < n && s.charCodeAt(i) === 34) {
        let value = "";
        let j = i + 1;
        for (;;) {
          const q = s.indexOf('"', j);
          if (q < 0) {
            if (!final) return -1;
            value += s.slice(j);
            breaks += countBreaks(s, j, n);
            fields.push(value);
            out.push({ line: this.line, fields, raw: s.slice(pos), unterminated: true });
            this.line += breaks;
            return n;
          }
          value += s.slice(j, q);
          breaks += countBreaks(s, j, q);
          if (q + 1 >= n && !final) return -1;
          if (s.charCodeAt(q + 1) === 34) {
            value += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        if (i < n) {
          const c = s.charCodeAt(i);
          if (c !== sep && c !== 10 && c !== 13) {
            malformedField ??= fields.length + 1;
            const e = stop(i);
            value += s.slice(i, e);
            i = e;
          }
        }
        fields.push(value);
      } else {
        const e = stop(i);
        fields.push(s.slice(i, e));
        i = e;
      }
      if (i >= n) {
        if (!final) return -1;
        out.push({ line: this.line, fields, raw: s.slice(pos), malformedField });
        this.line += breaks + 1;
        return n;
      }
      const c = s.charCodeAt(i);
      if (c === sep) {
        i++;
        continue;
      }
      let next = i + 1;
      if (c === 13) {
        if (i + 1 >= n && !final) return -1;
        if (s.charCodeAt(i + 1) === 10) next = i + 2;
      }
      out.push({ line: this.line, fields, raw: s.slice(pos, i), malformedField });
      this.line += breaks + 1;
      return next;
    }
  }
}

/** Line breaks in s[from, to): CRLF counts once. */
function countBreaks(s: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13) {
      count++;
      if (i + 1 < to && s.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}

const FOOTER = /copyright|salesforce\.com|confidential information|generated by:|grand totals|all rights reserved/i;
/** the longest raw text kept for one quarantined record (a quote left open can swallow the rest of a file) */
const MAX_RAW = 65536;
const clip = (raw: string) =>
  raw.length > MAX_RAW ? `${raw.slice(0, MAX_RAW)}… (${raw.length - MAX_RAW} more characters)` : raw;

/**
 * Streams the data rows of a sniffed file with the line each starts on, through CsvRecordReader. A blank line
 * (nothing, or one blank cell, on it) is not a record; a data row of empty cells (`,,,,`) is, as DuckDB's
 * reader reads it. A Salesforce report footer (blank lines, then one-cell lines such as "Copyright …
 * salesforce.com") is reported as footer, not data. A record with text after a closing quote, with the wrong
 * number of fields or with a quote left open is `bad`; reading goes on after it.
 */
export async function* readRows(
  file: string,
  sniffed: Sniffed,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<CsvEvent> {
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  // the sniffer checked the encoding: UTF-8 decodes as UTF-8, anything else as Windows-1252 through iconv-lite
  const utf8 = sniffed.encoding === "utf-8" ? new TextDecoder("utf-8", { ignoreBOM: true }) : null;
  const cp1252 = utf8 ? null : iconv.getDecoder("win1252");
  const reader = new CsvRecordReader(sniffed.delimiter);
  const width = sniffed.headers.length;
  let header = true;
  let first = true;
  let sawBlank = false;
  let pending: CsvRecord[] = [];
  const flushPendingAsBad = function* (): Generator<CsvEvent> {
    for (const p of pending)
      yield {
        type: "bad",
        line: p.line,
        reason: `row has ${p.fields.length} field(s), the header has ${width}`,
        raw: clip(p.raw),
      };
    pending = [];
  };
  const handle = function* (rec: CsvRecord): Generator<CsvEvent> {
    if (header) {
      header = false;
      return;
    }
    if (
      !rec.unterminated &&
      rec.malformedField === undefined &&
      rec.fields.length === 1 &&
      rec.fields[0].trim() === ""
    ) {
      sawBlank = true;
      return;
    }
    const nonEmpty = rec.fields.filter((f) => f.trim() !== "").length;
    if (
      sawBlank &&
      !rec.unterminated &&
      rec.malformedField === undefined &&
      nonEmpty === 1 &&
      width > 1 &&
      rec.fields.length < width
    ) {
      pending.push(rec);
      return;
    }
    yield* flushPendingAsBad();
    sawBlank = false;
    if (rec.unterminated) {
      yield {
        type: "bad",
        line: rec.line,
        reason:
          `unterminated quote: a quoted field opened on line ${rec.line} is never ` +
          `closed, so the rest of the file could not be read as rows`,
        raw: clip(rec.raw),
      };
    } else if (rec.malformedField !== undefined) {
      yield {
        type: "bad",
        line: rec.line,
        reason:
          `malformed quoting: text after the closing quote in field ${rec.malformedField} ` +
          `(${sniffed.headers[rec.malformedField - 1] ?? "beyond the header"})`,
        raw: clip(rec.raw),
      };
    } else if (rec.fields.length !== width) {
      yield {
        type: "bad",
        line: rec.line,
        reason: `row has ${rec.fields.length} fields, the header has ${width}`,
        raw: clip(rec.raw),
      };
    } else {
      yield { type: "row", line: rec.line, fields: rec.fields };
    }
  };
  let seen = 0;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    if (onBytes) onBytes((seen += chunk.length));
    let text = utf8 ? utf8.decode(chunk, { stream: true }) : cp1252!.write(chunk);
    if (first && text.length) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (const rec of reader.push(text)) yield* handle(rec);
  }
  const rest = utf8 ? utf8.decode() : (cp1252!.end() ?? "");
  for (const rec of [...reader.push(rest), ...reader.end()]) yield* handle(rec);
  if (pending.some((p) => FOOTER.test(p.raw))) {
    for (const p of pending) yield { type: "footer", line: p.line, raw: clip(p.raw) };
    pending = [];
  }
  yield* flushPendingAsBad();
}

import { createHash } from "node:crypto";
import { isUtf8 } from "node:buffer";
import { createReadStream, promises as fsp } from "node:fs";
import { parse } from "csv-parse";
import iconv from "iconv-lite";

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
export async function sniffFile(file: string, maxBytes = DEFAULT_MAX_BYTES, onBytes?: (bytes: number) => void): Promise<Sniffed> {
  let stat;
  try {
    stat = await fsp.stat(file);
  } catch {
    throw new ImportRefused(`cannot read ${file}: no such file`);
  }
  if (!stat.isFile()) throw new ImportRefused(`${file} is not a file`);
  if (stat.size > maxBytes) {
    throw new ImportRefused(`${file} is ${(stat.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB import limit (PT_MAX_UPLOAD_MB raises it)`);
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
    for (let read = 0; ; ) {
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
  if (head.subarray(0, 8192).includes(0)) throw new ImportRefused(`${file} is not a text file (it holds NUL bytes); export the data as CSV`);
  const encoding = validUtf8 ? "utf-8" : "windows-1252";
  const text = iconv.decode(head, encoding === "utf-8" ? "utf8" : "win1252").replace(/^\uFEFF/, "");
  const firstLine = headerLine(text);
  if (!firstLine.trim()) throw new ImportRefused(`${file} has no header row (the first line is blank)`);
  const headers = parseHeader(firstLine, delimiter);
  if (headers.length < 2) throw new ImportRefused(`${file} does not look like a CSV: its first line has no , ; or tab separated header`);
  const scan = scanner.end();
  return { sha256: hash.digest("hex"), sizeBytes: stat.size, encoding, delimiter, headers, recordLines: scan.lines.subarray(1), regular: scan.regular };
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
          if (b === 34) (this.at = At.Quoted), i++;
          else if (b === this.sep) i++;
          else if (b === 10) this.endRecord(), i++;
          else this.at = At.Unquoted;
          break;
        case At.Unquoted:
          if (lf < i) lf = next(10, i);
          if (sep < i) sep = next(this.sep, i);
          if (sep < lf) (this.at = At.FieldStart), (i = sep + 1);
          else if (lf < n) this.endRecord(), (i = lf + 1);
          else i = n;
          break;
        case At.Quoted:
          if (quote < i) quote = next(34, i);
          if (lf < i) lf = next(10, i);
          while (lf < quote) {
            this.line++;
            lf = next(10, lf + 1);
          }
          if (quote < n) (this.at = At.QuoteSeen), (i = quote + 1);
          else i = n;
          break;
        case At.QuoteSeen:
          if (b === 34) (this.at = At.Quoted), i++;
          else if (b === this.sep) (this.at = At.FieldStart), i++;
          else if (b === 10) this.endRecord(), i++;
          else if (b === 13) i++;
          else (this.regular = false), (this.at = At.Unquoted);
          break;
      }
    }
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

  private endRecord(): void {
    this.line++;
    this.at = At.RecordStart;
  }

  end(): { lines: Int32Array; regular: boolean } {
    return { lines: this.starts.subarray(0, this.count), regular: this.regular && this.at !== At.Quoted && !this.pendingCR };
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
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][1] > 0 ? Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0] : ",";
}

function parseHeader(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) out.push(field), (field = "");
    else field += c;
  }
  out.push(field);
  return out.map((h) => h.trim());
}

export type CsvEvent =
  | { type: "row"; line: number; fields: string[] }
  | { type: "bad"; line: number; reason: string; raw: string }
  | { type: "footer"; line: number; raw: string };

/** The record written back as CSV (for quarantine): the same cells, quoted where needed. */
function encodeRecord(fields: string[], delimiter: string): string {
  return fields.map((f) => (/["\r\n]/.test(f) || f.includes(delimiter) ? `"${f.replace(/"/g, '""')}"` : f)).join(delimiter);
}

const FOOTER = /copyright|salesforce\.com|confidential information|generated by:|grand totals|all rights reserved/i;

/**
 * Streams the data rows of a sniffed file with the line each starts on. Blank lines are skipped;
 * a Salesforce report footer (blank lines, then one-cell lines such as "Copyright … salesforce.com")
 * is reported as footer, not data. A parse error ends the stream with a `bad` event for its line.
 */
export async function* readRows(file: string, sniffed: Sniffed, onBytes?: (bytes: number) => void): AsyncGenerator<CsvEvent> {
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  if (onBytes) {
    let seen = 0;
    input.on("data", (c) => onBytes((seen += c.length)));
  }
  // UTF-8 goes to csv-parse as bytes (it decodes and drops the BOM itself); Windows-1252 through iconv-lite
  const source = sniffed.encoding === "utf-8" ? input : input.pipe(iconv.decodeStream("win1252", { stripBOM: true }));
  const parser = source.pipe(
    parse({
      delimiter: sniffed.delimiter,
      encoding: "utf8",
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }),
  );
  const width = sniffed.headers.length;
  let prevEnd = 0;
  let header = true;
  let sawBlank = false;
  let pending: { line: number; raw: string; fields: string[] }[] = [];
  const flushPendingAsBad = function* (): Generator<CsvEvent> {
    for (const p of pending) yield { type: "bad", line: p.line, reason: `row has ${p.fields.length} field(s), the header has ${width}`, raw: p.raw };
    pending = [];
  };
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      // a record takes one line plus the line breaks inside its fields (a CRLF counts once)
      const line = prevEnd + 1;
      let breaks = 0;
      for (const f of fields) if (f.length > 0 && (f.includes("\n") || f.includes("\r"))) breaks += (f.match(/\r\n|\r|\n/g) ?? []).length;
      prevEnd += 1 + breaks;
      if (header) {
        header = false;
        continue;
      }
      if (fields.every((f) => f.trim() === "")) {
        sawBlank = true;
        continue;
      }
      const nonEmpty = fields.filter((f) => f.trim() !== "").length;
      if (sawBlank && nonEmpty === 1 && width > 1 && fields.length < width) {
        pending.push({ line, raw: encodeRecord(fields, sniffed.delimiter), fields });
        continue;
      }
      yield* flushPendingAsBad();
      sawBlank = false;
      if (fields.length !== width) {
        yield { type: "bad", line, reason: `row has ${fields.length} fields, the header has ${width}`, raw: encodeRecord(fields, sniffed.delimiter) };
        continue;
      }
      yield { type: "row", line, fields };
    }
  } catch (e) {
    const err = e as Error & { code?: string };
    const line = prevEnd + 1;
    yield* flushPendingAsBad();
    const reason =
      err.code === "CSV_QUOTE_NOT_CLOSED"
        ? `unterminated quote: a quoted field opened on line ${line} is never closed, so the rest of the file could not be read as rows`
        : `unreadable CSV at line ${line}: ${err.message}`;
    yield { type: "bad", line, reason, raw: "" };
    return;
  }
  if (pending.some((p) => FOOTER.test(p.raw))) {
    for (const p of pending) yield { type: "footer", line: p.line, raw: p.raw };
    pending = [];
  }
  yield* flushPendingAsBad();
}

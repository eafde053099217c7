// Seeded properties of CRM values: every date form of a list of CRM conventions round-trips to the same day, and
// garbage in optional fields never quarantines a row and is always kept verbatim.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { format } from "date-fns";
import fc from "fast-check";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { importCsv } from "../../../app/core/ingest/import.server";
import { dayOrderOf, parseAmount, parseDate, parseTimestamp, ValueError } from "../../../app/core/ingest/values";
import { withTempDb, type TempDir, type TestDb } from "../../helpers/db";

const SEED = 1111;

/** Date forms as CRMs export them (date-fns tokens), each with whether it is written day first. */
const FORMS: [form: string, dayFirst: boolean][] = [
  ["yyyy-MM-dd", false], // ISO, HubSpot, Pipedrive
  ["yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", false], // Salesforce API
  ["M/d/yyyy", false], // Salesforce reports (US)
  ["M/d/yyyy h:mm a", false], // Dynamics 365 (US)
  ["MM/dd/yy", false],
  ["dd/MM/yyyy", true], // UK, India
  ["dd/MM/yyyy HH:mm", true],
  ["dd.MM.yyyy", true], // German Excel
  ["d-M-yyyy", true],
  ["yyyy/MM/dd", false],
  ["dd MMM, yyyy HH:mm:ss", false], // Zoho
  ["MMM dd, yyyy hh:mm a", false], // Zoho (US)
  ["dd-MMM-yyyy", false], // Oracle, Excel
  ["dd-MMM-yy", false],
  ["MMM d, yyyy", false],
  ["MMMM d, yyyy", false],
  ["d MMMM yyyy", false],
  ["EEE, d MMM yyyy", false],
  ["EEEE, MMMM do, yyyy", false],
  ["yyyyMMdd", false],
];

const day = fc
  .date({ min: new Date(1951, 0, 1), max: new Date(2048, 11, 31), noInvalidDate: true })
  .map((d) => new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
const iso = (d: Date) => format(d, "yyyy-MM-dd");

/** An Excel serial number for a day (days since 1899-12-30), possibly with a time fraction. */
const excel = (d: Date, fraction: number) =>
  String(
    Math.round((Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(1899, 11, 30)) / 86_400_000) + fraction,
  );

describe("CRM date forms", () => {
  it("round-trip to the same day, with the column's day order", () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...FORMS), fc.constantFrom("", " ", "  "), (d, [form, dayFirst], space) => {
        const written = space + format(d, form) + space;
        expect(parseDate(written, { order: dayFirst ? "day-first" : "month-first" })).toBe(iso(d));
        // a review timestamp keeps the day too
        expect(
          parseTimestamp(written, { order: dayFirst ? "day-first" : "month-first" })!
            .toISOString()
            .slice(0, 10),
        ).toBe(iso(d));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it("read Excel serial numbers as the day Excel shows", () => {
    fc.assert(
      fc.property(
        day.filter((d) => d.getFullYear() >= 1928),
        fc.constantFrom(0, 0.25, 0.999),
        (d, f) => {
          expect(parseDate(excel(d, f))).toBe(iso(d));
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("never read an ambiguous numeric date in the other order", () => {
    fc.assert(
      fc.property(
        day.filter((d) => d.getDate() <= 12),
        (d) => {
          expect(parseDate(format(d, "MM/dd/yyyy"))).toBe(iso(d));
          expect(parseDate(format(d, "dd/MM/yyyy"), { order: "day-first" })).toBe(iso(d));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe("garbage in optional fields", () => {
  let db: TestDb;
  let files: TempDir;
  withTempDb((d, f) => ([db, files] = [d, f]), "all");

  const garbage = fc
    .oneof(
      fc.string({ maxLength: 20 }),
      fc.string({ unit: "grapheme", maxLength: 12 }),
      fc.constantFrom(
        "N/A",
        "TBD",
        "13/13/2021",
        "$$$",
        "1.2.3",
        "2021-02-30",
        "about 5k",
        "next quarter",
        "—",
        "0x10",
        "1e400",
        "Q3",
        "∞",
        "🙂",
      ),
      fc.tuple(fc.integer(), fc.constantFrom("", "k", " USD?", "%")).map(([n, s]) => `${n}${s}`),
    )
    .map((s) => s.replace(/\u0000/g, ""));
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;

  it("never quarantine a row, and keep each unparsed cell verbatim with its row and as a warning", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(garbage, garbage, garbage), { minLength: 1, maxLength: 6 }), async (rows) => {
        run++;
        const ids = rows.map((_, i) => `P${run}-${i}`);
        const text =
          [
            "deal_id,account_name,close_date,kickoff_date,amount",
            ...rows.map((r, i) => [ids[i], "Acme", ...r].map(q).join(",")),
          ].join("\n") + "\n";
        const file = path.join(files.dir, `g${run}.csv`);
        writeFileSync(file, text);
        const s = await importCsv(db, { kind: "handoffs", file });
        expect(s.quarantined).toBe(0);
        expect(s.imported + s.unchanged).toBe(rows.length);
        // what each cell should become: a parsed value, nothing (blank), or a warning keeping its text; numeric
        // dates read in the order their column shows (else the file's other date column, else month first)
        const closeOrder = dayOrderOf(rows.map((r) => r[0]));
        const kickoffOrder = dayOrderOf(rows.map((r) => r[1]));
        const fileOrder = dayOrderOf(rows.flatMap((r) => [r[0], r[1]])) ?? undefined;
        const expected = rows.map(([close, kickoff, amount]) => {
          const out: Record<string, string> = {};
          const tryParse = (column: string, raw: string, parse: (r: string) => unknown) => {
            try {
              parse(raw);
            } catch (e) {
              if (!(e instanceof ValueError)) throw e;
              out[column] = raw;
            }
          };
          tryParse("close_date", close, (r) => parseDate(r, { order: closeOrder ?? fileOrder }));
          tryParse("kickoff_date", kickoff, (r) => parseDate(r, { order: kickoffOrder ?? fileOrder }));
          tryParse("amount", amount, parseAmount);
          return out;
        });
        const got = (
          await sql<{
            deal_id: string;
            unparsed: string | null;
          }>`SELECT deal_id, unparsed FROM packets WHERE deal_id IN (${sql.join(ids)}) ORDER BY line`.execute(db.db)
        ).rows;
        const warned = (
          await sql<{
            line: number;
            column_name: string;
            raw: string;
          }>`SELECT line, column_name, to_json(raw)::VARCHAR AS raw FROM import_warnings
             WHERE upload_id = ${s.upload_id}`.execute(db.db)
        ).rows;
        for (const [i, want] of expected.entries()) {
          const unparsed = got.find((g) => g.deal_id === ids[i])!.unparsed;
          const kept = unparsed === null ? {} : (JSON.parse(unparsed) as Record<string, string>);
          // exactly the cells that do not parse are kept, each verbatim
          expect(kept).toEqual(want);
          for (const w of warned.filter((w) => w.line === i + 2)) expect(JSON.parse(w.raw)).toBe(kept[w.column_name]);
          expect(warned.filter((w) => w.line === i + 2).length).toBe(Object.keys(kept).length);
        }
        expect(s.warnings).toBe(warned.length);
      }),
      { seed: SEED, numRuns: 25 },
    );
  }, 120_000);
});

// The error files of an upload (issue 11): quarantined rows, and rows imported with warnings, written under the
// file's own headers plus line and reason; fixed and uploaded again, they import those rows, the added columns ignored.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { importCsv } from "../../../app/core/ingest/import.server";
import { errorFileCsv } from "../../../app/core/ingest/error-file.server";
import { fileWriter, withTempDb, type TempDir, type TestDb } from "../../helpers/db";

let db: TestDb;
let files: TempDir;
const write = fileWriter(() => files.dir);
withTempDb((d, f) => ([db, files] = [d, f]));

const rowsOf = (csv: string) => parse(csv, { bom: true, relax_column_count: true }) as string[][];
const packets = async () =>
  (
    await sql<{
      deal_id: string;
      account_name: string;
      close: string | null;
      signed_scope: string | null;
      extra: string;
      unparsed: string | null;
    }>`
      SELECT deal_id, account_name, strftime(close_date, '%Y-%m-%d') AS close, signed_scope, extra, unparsed FROM
        packets ORDER BY deal_id`.execute(db.db)
  ).rows;

const HEADERS = "Opportunity ID,Account Name,Close Date,Scope,Region";

describe("the quarantine error file", () => {
  it(
    "writes each quarantined row under the file's headers plus line and reason; " +
      "fixed, it imports those rows with the added columns ignored",
    async () => {
      const file = write(
        "deals.csv",
        `${HEADERS}\nD1,Acme,2026-01-05,"- bullet one\n- bullet two",EU\nD2,,2026-01-06,=SUM(A1),US\nD1,Acme ` +
          `again,2026-01-07,dup,EU\nD3,Gamma 😀,someday,plain,APAC\n`,
      );
      const s = await importCsv(db, { kind: "handoffs", file, fileName: "deals.csv" });
      expect(s).toMatchObject({ rows: 4, imported: 2, quarantined: 2, warnings: 1 });

      const quarantine = await errorFileCsv(db, s.upload_id, "quarantine");
      expect(quarantine!.startsWith("\uFEFF")).toBe(true);
      const q = rowsOf(quarantine!);
      expect(q[0]).toEqual(["Opportunity ID", "Account Name", "Close Date", "Scope", "Region", "line", "reason"]);
      // formula-looking cells are neutralized for spreadsheets; every other cell is as written
      expect(q.slice(1)).toEqual([
        ["D2", "", "2026-01-06", "'=SUM(A1)", "US", "4", "missing account_name for deal D2"],
        ["D1", "Acme again", "2026-01-07", "dup", "EU", "5", "duplicate deal_id D1 within the file (first on line 2)"],
      ]);

      // the user fixes the rows in a spreadsheet (an account, a new id) and uploads the file again
      const fixed = quarantine!
        .replace("D2,,2026-01-06", "D2,Beta,2026-01-06")
        .replace("D1,Acme again", "D4,Acme again");
      const again = await importCsv(db, {
        kind: "handoffs",
        file: write("deals-errors.csv", fixed),
        fileName: "deals-errors.csv",
      });
      expect(again).toMatchObject({ rows: 2, imported: 2, quarantined: 0, unmapped_headers: ["Region"] });
      const stored = await packets();
      expect(stored.map((p) => [p.deal_id, p.account_name])).toEqual([
        ["D1", "Acme"],
        ["D2", "Beta"],
        ["D3", "Gamma 😀"],
        ["D4", "Acme again"],
      ]);
      // the neutralizing quote is gone, and the error file's line and reason are not kept as extra data
      expect(stored[1]).toMatchObject({ signed_scope: "=SUM(A1)", extra: JSON.stringify({ Region: "US" }) });
      expect(stored[3]).toMatchObject({ signed_scope: "dup", extra: JSON.stringify({ Region: "EU" }) });
      expect(stored[0].signed_scope).toBe("- bullet one\n- bullet two");
    },
  );

  it(
    "keeps the error file's shape when an error file is quarantined again, and names " +
      "its columns error_line/error_reason when the file has a reason column",
    async () => {
      const file = write(
        "reviews.csv",
        "flag_id,decision,reviewer,reason,decided_at\nF-1,rejected,r@x,,2026-01-05\nF-2,maybe,r@x,,2026-01-05\n",
      );
      const s = await importCsv(db, { kind: "reviews", file });
      expect(s).toMatchObject({ rows: 2, quarantined: 2 });
      const first = await errorFileCsv(db, s.upload_id, "quarantine");
      expect(rowsOf(first!)).toEqual([
        ["flag_id", "decision", "reviewer", "reason", "decided_at", "error_line", "error_reason"],
        ["F-1", "rejected", "r@x", "", "2026-01-05", "2", "a rejection needs a reason (flag F-1)"],
        ["F-2", "maybe", "r@x", "", "2026-01-05", "3", 'decision "maybe" must be accepted or rejected'],
      ]);
      // uploaded again half-fixed: a review of a flag that does not exist is quarantined with its cells too
      const again = await importCsv(db, {
        kind: "reviews",
        file: write("again.csv", first!.replace("r@x,,2026", "r@x,too vague,2026")),
      });
      expect(again).toMatchObject({ rows: 2, quarantined: 2 });
      expect(rowsOf((await errorFileCsv(db, again.upload_id, "quarantine"))!)).toEqual([
        ["flag_id", "decision", "reviewer", "reason", "decided_at", "error_line", "error_reason"],
        [
          "F-1",
          "rejected",
          "r@x",
          "too vague",
          "2026-01-05",
          "2",
          "no flag with id F-1 (score the packets before importing their reviews)",
        ],
        ["F-2", "maybe", "r@x", "", "2026-01-05", "3", 'decision "maybe" must be accepted or rejected'],
      ]);
    },
  );

  it(
    "writes an unreadable record of the streaming reader into the file's columns, " +
      "and a semicolon file's cells split as written",
    async () => {
      const file = write("semi.csv", 'deal_id;account_name;amount\r\nD1;Acme;1.000,50\r\nD2;Beta\r\nD3;"Gam;ma";5\r\n');
      const s = await importCsv(db, { kind: "handoffs", file });
      expect(s).toMatchObject({ reader: "stream", imported: 2, quarantined: 1 });
      expect(rowsOf((await errorFileCsv(db, s.upload_id, "quarantine"))!)).toEqual([
        ["deal_id", "account_name", "amount", "line", "reason"],
        ["D2", "Beta", "", "3", expect.stringMatching(/2 fields/)],
      ]);
      expect(await errorFileCsv(db, 999, "quarantine")).toBeNull();
    },
  );
});

describe("the warnings file", () => {
  it("writes each row imported with warnings once, its reasons together; fixed, it updates those packets", async () => {
    const file = write(
      "deals.csv",
      `deal_id,account_name,close_date,kickoff_date,amount\nD1,Acme,sometime,later,$5\n` +
        `D2,Beta,2026-01-02,2026-02-01,lots\nD3,Gamma,2026-01-03,2026-02-01,$7\n`,
    );
    const s = await importCsv(db, { kind: "handoffs", file });
    expect(s).toMatchObject({ imported: 3, warnings: 3 });
    const warnings = await errorFileCsv(db, s.upload_id, "warnings");
    expect(rowsOf(warnings!)).toEqual([
      ["deal_id", "account_name", "close_date", "kickoff_date", "amount", "line", "reason"],
      [
        "D1",
        "Acme",
        "sometime",
        "later",
        "$5",
        "2",
        expect.stringMatching(/^close_date: .*sometime.*; kickoff_date: .*later/),
      ],
      ["D2", "Beta", "2026-01-02", "2026-02-01", "lots", "3", expect.stringMatching(/^amount: .*lots/)],
    ]);
    const fixed = warnings!.replace("sometime,later", "2026-01-01,2026-02-15").replace(",lots,", ",$9,");
    const again = await importCsv(db, { kind: "handoffs", file: write("fixed.csv", fixed) });
    expect(again).toMatchObject({ rows: 2, imported: 2, warnings: 0, quarantined: 0 });
    const stored = await packets();
    expect(stored[0]).toMatchObject({ deal_id: "D1", close: "2026-01-01", unparsed: null, extra: "{}" });
    expect(readFileSync(file, "utf8")).toContain("sometime"); // the original file is never touched
  });
});

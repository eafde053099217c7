// Imports of files as other CRMs write them: their dates and amounts, day-first columns, optional fields that do not
// parse (the row is imported with a warning, the text kept), one header feeding two columns.

import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { importCsv } from "../../../app/core/ingest/import.server";
import { MappingError } from "../../../app/core/ingest/columns";
import { csvOf } from "../../helpers/factories";
import { fileWriter, withTempDb, type TempDir, type TestDb } from "../../helpers/db";

let db: TestDb;
let files: TempDir;
const write = fileWriter(() => files.dir);
withTempDb((d, f) => ([db, files] = [d, f]));

const packets = async () =>
  (
    await sql<{
      deal_id: string;
      account_name: string;
      opportunity_name: string | null;
      close: string | null;
      kickoff: string | null;
      amount: number | null;
      currency: string | null;
      unparsed: string | null;
    }>`
      SELECT deal_id, account_name, opportunity_name, strftime(close_date, '%Y-%m-%d') AS close,
        strftime(kickoff_date, '%Y-%m-%d') AS kickoff, amount, currency, unparsed
      FROM packets ORDER BY deal_id`.execute(db.db)
  ).rows;

describe("dates and amounts as CRMs write them", () => {
  it(
    "imports a Zoho-style file (`16 Apr, 2021 00:03:00`, Indian and Brazilian " + "amounts) with nothing quarantined",
    async () => {
      const rows = [
        {
          "Potential Id": "Z1",
          "Account Name": "Acme",
          "Closing Date": "16 Apr, 2021 00:03:00",
          Amount: "Rs 18,40,000",
        },
        {
          "Potential Id": "Z2",
          "Account Name": "Beta",
          "Closing Date": "Apr 3, 2021 11:15 PM",
          Amount: "R$ 162.860,00",
        },
        { "Potential Id": "Z3", "Account Name": "Gamma", "Closing Date": "03-May-2021", Amount: "S$102,040" },
        { "Potential Id": "Z4", "Account Name": "Delta", "Closing Date": "44302", Amount: "NOK 14,600,000" },
      ];
      const file = write("zoho.csv", csvOf(["Potential Id", "Account Name", "Closing Date", "Amount"], rows));
      const s = await importCsv(db, {
        kind: "handoffs",
        file,
        map: { deal_id: "Potential Id", close_date: "Closing Date" },
      });
      expect(s).toMatchObject({ rows: 4, imported: 4, quarantined: 0, warnings: 0 });
      expect(await packets()).toEqual([
        expect.objectContaining({
          deal_id: "Z1",
          close: "2021-04-16",
          amount: 1840000,
          currency: "INR",
          unparsed: null,
        }),
        expect.objectContaining({ deal_id: "Z2", close: "2021-04-03", amount: 162860, currency: "BRL" }),
        expect.objectContaining({ deal_id: "Z3", close: "2021-05-03", amount: 102040, currency: "SGD" }),
        expect.objectContaining({ deal_id: "Z4", close: "2021-04-16", amount: 14600000, currency: "NOK" }),
      ]);
    },
  );

  it(
    "reads a column day first when its own values show it (a day over 12 somewhere), " +
      "and the other date column with it",
    async () => {
      const file = write(
        "dmy.csv",
        "deal_id,account_name,close_date,kickoff_date\nA1,Acme,04/05/2021,01/06/2021\nA2,Beta,16/04/2021,02/07/2021\n",
      );
      const s = await importCsv(db, { kind: "handoffs", file });
      expect(s).toMatchObject({ imported: 2, quarantined: 0, warnings: 0 });
      const got = await packets();
      expect(got.map((p) => [p.deal_id, p.close, p.kickoff])).toEqual([
        ["A1", "2021-05-04", "2021-06-01"],
        ["A2", "2021-04-16", "2021-07-02"],
      ]);
      // the same values in a month-first file read month first
      const us = await importCsv(db, {
        kind: "handoffs",
        file: write("mdy.csv", "deal_id,account_name,close_date\nA3,Acme,04/05/2021\nA4,Beta,4/16/2021\n"),
      });
      expect(us.warnings).toBe(0);
      expect((await packets()).filter((p) => p.deal_id >= "A3").map((p) => p.close)).toEqual([
        "2021-04-05",
        "2021-04-16",
      ]);
    },
  );
});

describe("an optional field that cannot be parsed never sinks its row", () => {
  it(
    "imports the row with the field empty, keeps its text with the row and as a " +
      "warning, and counts warnings per column",
    async () => {
      const file = write(
        "garbage.csv",
        'deal_id,account_name,close_date,kickoff_date,amount\nG1,Acme,TBD,2021-04-16,"about 5k, maybe"\n' +
          "G2,Beta,2021-02-30,next quarter,$1\nG3,Gamma,2021-01-01,2021-02-01,$2\n",
      );
      const s = await importCsv(db, { kind: "handoffs", file });
      expect(s).toMatchObject({ rows: 3, imported: 3, quarantined: 0, warnings: 4 });
      expect(s.warnings_by_column).toEqual({ amount: 1, close_date: 2, kickoff_date: 1 });
      expect(s.warnings_sample.map((w) => [w.line, w.column, w.value])).toEqual([
        [2, "amount", "about 5k, maybe"],
        [2, "close_date", "TBD"],
        [3, "close_date", "2021-02-30"],
        [3, "kickoff_date", "next quarter"],
      ]);
      expect(s.warnings_sample[2].reason).toMatch(/close_date: "2021-02-30" is not a real calendar date/);
      const got = await packets();
      expect(got[0]).toMatchObject({ deal_id: "G1", close: null, kickoff: "2021-04-16", amount: null, currency: null });
      expect(JSON.parse(got[0].unparsed!)).toEqual({ close_date: "TBD", amount: "about 5k, maybe" });
      expect(JSON.parse(got[1].unparsed!)).toEqual({ close_date: "2021-02-30", kickoff_date: "next quarter" });
      expect(got[2].unparsed).toBeNull();
      const stored = await db.db.selectFrom("import_warnings").selectAll().orderBy(["line", "column_name"]).execute();
      expect(stored.map((w) => [w.upload_id, w.line, w.column_name, w.raw])).toEqual([
        [s.upload_id, 2, "amount", "about 5k, maybe"],
        [s.upload_id, 2, "close_date", "TBD"],
        [s.upload_id, 3, "close_date", "2021-02-30"],
        [s.upload_id, 3, "kickoff_date", "next quarter"],
      ]);
      const upload = await db.db
        .selectFrom("uploads")
        .select(["warnings", "quarantined"])
        .where("id", "=", s.upload_id)
        .executeTakeFirstOrThrow();
      expect(upload).toEqual({ warnings: 4, quarantined: 0 });
      // the same file again: unchanged, and its warnings still reported for this upload
      const again = await importCsv(db, { kind: "handoffs", file });
      expect(again).toMatchObject({ imported: 0, unchanged: 3, warnings: 4 });
      // fixing the cell makes a new version with the parsed value and no unparsed text
      const fixed = write(
        "fixed.csv",
        'deal_id,account_name,close_date,kickoff_date,amount\nG1,Acme,2021-03-31,2021-04-16,"$5,000"\n',
      );
      expect(await importCsv(db, { kind: "handoffs", file: fixed })).toMatchObject({ imported: 1, warnings: 0 });
      expect((await packets())[0]).toMatchObject({
        close: "2021-03-31",
        amount: 5000,
        currency: "USD",
        unparsed: null,
      });
    },
  );

  it("warns on a rework row's hours but still quarantines a required date that does not parse", async () => {
    const file = write(
      "r.csv",
      "rework_id,deal_id,logged_on,category,description,hours,kickoff_delay_days\nR1,D1,2026-02-03,x,Moved,a " +
        "few,2\nR2,D1,someday,x,Missing date,1,0\n",
    );
    const s = await importCsv(db, { kind: "rework", file });
    expect(s).toMatchObject({ rows: 2, imported: 1, quarantined: 1, warnings: 1, warnings_by_column: { hours: 1 } });
    expect(s.quarantine[0].reason).toMatch(/logged_on: unparseable date "someday"/);
    const r = await db.db
      .selectFrom("rework")
      .select(["hours", "kickoff_delay_days", "unparsed"])
      .executeTakeFirstOrThrow();
    expect(r).toEqual({ hours: null, kickoff_delay_days: 2, unparsed: '{"hours":"a few"}' });
  });
});

describe("remembered mappings", () => {
  it(
    "maps the next file of the same source and headers as the last hand mapping did; " +
      "another source maps on its own",
    async () => {
      const first = write(
        "deals-march.csv",
        'Deal Name,Closing Date,Amount\nAcme renewal,"16 Apr, 2021 00:03:00",100\n',
      );
      const map = { deal_id: "Deal Name", account_name: "Deal Name", close_date: "Closing Date" };
      expect(
        await importCsv(db, { kind: "handoffs", file: first, source: "zoho", map, uploader: "rev@x.test" }),
      ).toMatchObject({ imported: 1, mapping: "by hand" });
      const stored = await db.db.selectFrom("import_mappings").selectAll().executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ kind: "handoffs", source_system: "zoho", updated_by: "rev@x.test" });
      expect(JSON.parse(stored.mapping)).toEqual(map);
      // next month: the same headers, in another order and case
      const next = write("deals-april.csv", 'amount,DEAL NAME,closing date\n200,Beta new,"3 May, 2021 10:00:00"\n');
      const s = await importCsv(db, { kind: "handoffs", file: next, source: "zoho" });
      expect(s).toMatchObject({
        imported: 1,
        quarantined: 0,
        mapping: "remembered",
        header_map: { deal_id: "DEAL NAME", account_name: "DEAL NAME", close_date: "closing date", amount: "amount" },
      });
      expect((await packets()).find((p) => p.deal_id === "Beta new")).toMatchObject({
        account_name: "Beta new",
        close: "2021-05-03",
        amount: 200,
      });
      // the same headers from another source system were never mapped: refused, naming what is missing
      await expect(importCsv(db, { kind: "handoffs", file: next, source: "csv" })).rejects.toThrow(
        /no header maps to the required column\(s\) deal_id, account_name/,
      );
      // a hand mapping replaces the remembered one
      await importCsv(db, {
        kind: "handoffs",
        file: next,
        source: "zoho",
        map: { deal_id: "Deal Name", account_name: "Amount" },
      });
      expect(
        JSON.parse((await db.db.selectFrom("import_mappings").select("mapping").executeTakeFirstOrThrow()).mapping),
      ).toEqual({ deal_id: "Deal Name", account_name: "Amount" });
    },
  );
});

describe("one header feeding two columns", () => {
  it("imports a deal export without an account column, its deal name as deal_id and account_name", async () => {
    const file = write(
      "hs.csv",
      csvOf(
        ["Deal Name", "Close Date", "Amount"],
        [{ "Deal Name": "Acme renewal", "Close Date": "2021-04-16", Amount: "100" }],
      ),
    );
    const s = await importCsv(db, { kind: "handoffs", file, map: { deal_id: "Deal Name", account_name: "Deal Name" } });
    expect(s).toMatchObject({ imported: 1, quarantined: 0 });
    expect((await packets())[0]).toMatchObject({
      deal_id: "Acme renewal",
      account_name: "Acme renewal",
      opportunity_name: "Acme renewal",
    });
    const upload = await db.db.selectFrom("uploads").select("header_map").executeTakeFirstOrThrow();
    expect(JSON.parse(upload.header_map)).toMatchObject({
      deal_id: "Deal Name",
      account_name: "Deal Name",
      opportunity_name: "Deal Name",
      close_date: "Close Date",
    });
  });

  it("refuses a date column reading a header another column reads, writing nothing", async () => {
    const file = write("x.csv", "deal_id,account_name,close_date\nX1,Acme,2021-01-01\n");
    await expect(
      importCsv(db, { kind: "handoffs", file, map: { kickoff_date: "close_date", close_date: "close_date" } }),
    ).rejects.toThrow(MappingError);
    await expect(
      importCsv(db, { kind: "handoffs", file, map: { kickoff_date: "close_date", close_date: "close_date" } }),
    ).rejects.toThrow(/"close_date" is already mapped to kickoff_date; close_date is a date column/);
    expect(await db.db.selectFrom("uploads").selectAll().execute()).toEqual([]);
  });
});

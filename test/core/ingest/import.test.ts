import { existsSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { importCsv, ImportRefused } from "../../../app/core/ingest/import.server";
import { setApprovedSources } from "../../../app/core/settings.server";
import { csvOf, HANDOFF_COLUMNS, packet } from "../../helpers/factories";
import { fileWriter, withTempDb, type TempDir, type TestDb } from "../../helpers/db";

let db: TestDb;
let files: TempDir;
const write = fileWriter(() => files.dir);
const count = async (table: "packets" | "uploads" | "quarantine" | "packet_versions" | "rework") =>
  Number(
    (
      await db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

withTempDb((d, f) => ([db, files] = [d, f]));

describe("importing handoffs", () => {
  it("imports every row and keeps text exactly as written (CRLF, tabs, smart quotes, emoji)", async () => {
    const scope = "Line one\r\n\t• Line “two” — 🚀 ok";
    const f = write(
      "h.csv",
      csvOf(HANDOFF_COLUMNS, [packet({ deal_id: "A1", signed_scope: scope }), packet({ deal_id: "A2" })]),
    );
    const s = await importCsv(db, { kind: "handoffs", file: f });
    expect(s).toMatchObject({ rows: 2, imported: 2, unchanged: 0, quarantined: 0 });
    const p = await db.db.selectFrom("packets").selectAll().where("deal_id", "=", "A1").executeTakeFirstOrThrow();
    expect(p.signed_scope).toBe(scope);
    expect(p.amount).toBe(10000);
  });

  it("is idempotent: the same file again is all unchanged, and a changed packet becomes version 2", async () => {
    const rows = [packet({ deal_id: "B1" }), packet({ deal_id: "B2" })];
    const f = write("h.csv", csvOf(HANDOFF_COLUMNS, rows));
    await importCsv(db, { kind: "handoffs", file: f });
    expect(await importCsv(db, { kind: "handoffs", file: f })).toMatchObject({ imported: 0, unchanged: 2 });
    rows[1].kickoff_note = "Changed note";
    const s = await importCsv(db, {
      kind: "handoffs",
      file: write("h2.csv", csvOf(HANDOFF_COLUMNS, rows)),
      source: "salesforce",
      uploader: "rev@x.test",
    });
    expect(s).toMatchObject({ imported: 1, unchanged: 1 });
    const b2 = await db.db.selectFrom("packets").selectAll().where("deal_id", "=", "B2").executeTakeFirstOrThrow();
    expect(b2).toMatchObject({
      version: 2,
      kickoff_note: "Changed note",
      source_system: "salesforce",
      upload_id: s.upload_id,
      line: 3,
    });
    expect(await count("packet_versions")).toBe(3);
    const up = await db.db.selectFrom("uploads").selectAll().where("id", "=", s.upload_id).executeTakeFirstOrThrow();
    expect(up).toMatchObject({
      file_name: "h2.csv",
      uploader: "rev@x.test",
      source_system: "salesforce",
      rows_read: 2,
      imported: 1,
      unchanged: 1,
    });
    expect(up.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("quarantines bad rows with their line and a specific reason, and the summary adds up", async () => {
    const text =
      csvOf(HANDOFF_COLUMNS, [
        packet({ deal_id: "C1" }),
        packet({ deal_id: "", account_name: "No Id" }),
        packet({ deal_id: "C3", kickoff_date: "someday" }),
        packet({ deal_id: "C1", account_name: "Dup" }),
        packet({ deal_id: "C5", amount: "lots" }),
        packet({ deal_id: "C6", account_name: "" }),
      ]) + "C7,too,few\n";
    const s = await importCsv(db, { kind: "handoffs", file: write("bad.csv", text) });
    expect(s.rows).toBe(s.imported + s.unchanged + s.quarantined);
    // an optional field that does not parse never sinks its row: C3 and C5 import, with a warning each
    expect(s.imported).toBe(3);
    // DuckDB's strict reader refuses the short row; the streaming reader takes over and names it
    expect(s.reader).toBe("stream");
    const reasons = Object.fromEntries(s.quarantine.map((q) => [q.line, q.reason]));
    expect(reasons[3]).toMatch(/missing deal_id/);
    expect(reasons[5]).toMatch(/duplicate deal_id C1 .*first on line 2/);
    expect(reasons[7]).toMatch(/missing account_name/);
    expect(reasons[8]).toMatch(/row has 3 fields, the header has 15/);
    const stored = await db.db.selectFrom("quarantine").selectAll().orderBy("line").execute();
    expect(stored.map((q) => q.line)).toEqual([3, 5, 7, 8]);
    expect(stored[0].raw).toContain("No Id");
    expect(s.warnings).toBe(2);
    expect(s.warnings_by_column).toEqual({ amount: 1, kickoff_date: 1 });
    expect(s.warnings_sample).toEqual([
      {
        line: 4,
        column: "kickoff_date",
        value: "someday",
        reason: expect.stringMatching(/kickoff_date: unparseable date "someday"/),
      },
      { line: 6, column: "amount", value: "lots", reason: expect.stringMatching(/amount "lots" is not a number/) },
    ]);
  });

  it("names the line of an unterminated quote and keeps the rows before it", async () => {
    const f = write(
      "q.csv",
      'deal_id,account_name,kickoff_note\nB-1,Acme,"fine"\nB-2,Beta,plain\nB-3,Gamma,"never closed\nB-4,Delta,ok\n',
    );
    const s = await importCsv(db, { kind: "handoffs", file: f });
    expect(s.imported).toBe(2);
    expect(s.quarantine).toEqual([{ line: 4, reason: expect.stringMatching(/unterminated quote.*line 4/) }]);
  });

  it("skips a Salesforce report footer without counting or quarantining it", async () => {
    const body = csvOf(
      ["Opportunity ID", "Account Name", "Amount"],
      [
        { "Opportunity ID": "S1", "Account Name": "Acme", Amount: "1" },
        { "Opportunity ID": "S2", "Account Name": "Beta", Amount: "2" },
      ],
    );
    const footer =
      '\n\n"Opportunity Report"\n"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n' +
      '"Confidential Information - Do Not Distribute"\n"Generated By:  Pat Q  11/24/2026 9:12 AM"\n"Acme Corp"\n';
    const s = await importCsv(db, { kind: "handoffs", file: write("report.csv", body + footer) });
    expect(s).toMatchObject({ rows: 2, imported: 2, quarantined: 0, footer_lines: 5 });
  });

  it("reads a UTF-8 BOM, and Windows-1252 with semicolons as German Excel writes it", async () => {
    const bom = await importCsv(db, {
      kind: "handoffs",
      file: write("bom.csv", "\uFEFFdeal_id,account_name\nE1,Björklund Logistik AB\n"),
    });
    expect(bom.encoding).toBe("utf-8");
    const cp = iconv.encode(
      "deal_id;account_name;amount;kickoff_note\nG1;Müller-Kessler Präzision AG;48.000,00 €;„Kickoff“ – ok\n",
      "win1252",
    );
    const s = await importCsv(db, { kind: "handoffs", file: write("de.csv", cp) });
    expect(s).toMatchObject({ encoding: "windows-1252", delimiter: ";", imported: 1 });
    const g = await db.db.selectFrom("packets").selectAll().where("deal_id", "=", "G1").executeTakeFirstOrThrow();
    expect(g).toMatchObject({
      account_name: "Müller-Kessler Präzision AG",
      amount: 48000,
      currency: "EUR",
      kickoff_note: "„Kickoff“ – ok",
    });
  });

  it("keeps quoted multi-line fields with CRLF inside, and reports the start line of later rows", async () => {
    const f = write("crlf.csv", 'deal_id,account_name,kickoff_note\r\nM1,Acme,"one\r\ntwo\r\nthree"\r\nM2,,x\r\n');
    const s = await importCsv(db, { kind: "handoffs", file: f });
    expect(s.quarantine).toEqual([{ line: 5, reason: expect.stringMatching(/missing account_name/) }]);
    const m = await db.db
      .selectFrom("packets")
      .select("kickoff_note")
      .where("deal_id", "=", "M1")
      .executeTakeFirstOrThrow();
    expect(m.kickoff_note).toBe("one\r\ntwo\r\nthree");
  });

  it("refuses a file whose required columns cannot be mapped, naming them, and writes nothing", async () => {
    const f = write("dl.csv", '"ID","ACCOUNTID","NAME"\n"006x1","001x1","Deal"\n');
    await expect(importCsv(db, { kind: "handoffs", file: f })).rejects.toThrow(
      /account_name.*Headers found: ID, ACCOUNTID, NAME/s,
    );
    expect(await count("uploads")).toBe(0);
    const s = await importCsv(db, { kind: "handoffs", file: f, map: { deal_id: "ID", account_name: "ACCOUNTID" } });
    expect(s.imported).toBe(1);
  });

  it("refuses empty, binary, header-less and oversized files with a clear error", async () => {
    await expect(importCsv(db, { kind: "handoffs", file: write("empty.csv", "") })).rejects.toThrow(/empty/);
    await expect(
      importCsv(db, { kind: "handoffs", file: write("bin.csv", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0])) }),
    ).rejects.toThrow(/not a text file/);
    await expect(importCsv(db, { kind: "handoffs", file: write("nohead.csv", "\n\nfoo,bar\n") })).rejects.toThrow(
      /no header/,
    );
    await expect(
      importCsv(db, {
        kind: "handoffs",
        file: write("big.csv", "deal_id,account_name\n" + "x,y\n".repeat(1000)),
        maxBytes: 1000,
      }),
    ).rejects.toThrow(ImportRefused);
    await expect(importCsv(db, { kind: "handoffs", file: path.join(files.dir, "missing.csv") })).rejects.toThrow(
      /no such file/,
    );
    expect(await count("uploads")).toBe(0);
  });

  it("stores packets from an unapproved source but marks them", async () => {
    await setApprovedSources(db.db, ["csv"]);
    const s = await importCsv(db, {
      kind: "handoffs",
      file: write("h.csv", csvOf(HANDOFF_COLUMNS, [packet({ deal_id: "U1" })])),
      source: "pipedrive",
    });
    expect(s.approved_source).toBe(false);
    const p = await db.db
      .selectFrom("packets")
      .select(["approved_source", "source_system"])
      .where("deal_id", "=", "U1")
      .executeTakeFirstOrThrow();
    expect(p).toEqual({ approved_source: false, source_system: "pipedrive" });
  });
});

describe("importing rework and reviews", () => {
  it("imports rework rows and quarantines missing dates", async () => {
    const f = write(
      "r.csv",
      "rework_id,deal_id,logged_on,category,description,hours,kickoff_delay_days\n" +
        "R1,D1,2026-02-03,timeline_assumption,Moved,4,2\nR2,D1,,x,Missing " +
        "date,1,0\n",
    );
    const s = await importCsv(db, { kind: "rework", file: f });
    expect(s).toMatchObject({ rows: 2, imported: 1, quarantined: 1 });
    expect(s.quarantine[0]).toEqual({ line: 3, reason: "missing logged_on for rework R2" });
  });

  it("quarantines reviews of unknown flags and rejections without a reason", async () => {
    const f = write(
      "v.csv",
      "flag_id,decision,reviewer,reason,decided_at\nnope,accepted,a@x,,2026-01-01\nalso,rejected,a@x,,2026-01-01\n",
    );
    const s = await importCsv(db, { kind: "reviews", file: f });
    expect(s.imported).toBe(0);
    expect(s.quarantine.map((q) => q.line)).toEqual([2, 3]);
    expect(s.quarantine[0].reason).toMatch(/no flag with id nope/);
    expect(s.quarantine[1].reason).toMatch(/needs a reason/);
  });
});

describe("readers and versions", () => {
  it(
    "reads a regular file with DuckDB and an irregular one (footer, Windows-1252) " + "with the streaming reader",
    async () => {
      const regular = await importCsv(db, {
        kind: "handoffs",
        file: write("ok.csv", csvOf(HANDOFF_COLUMNS, [packet({ deal_id: "V1" })])),
      });
      expect(regular.reader).toBe("duckdb");
      const blank = await importCsv(db, {
        kind: "handoffs",
        file: write("blank.csv", "deal_id,account_name\nV2,Acme\n\nV3,Beta\n"),
      });
      expect(blank).toMatchObject({ reader: "stream", rows: 2, imported: 2 });
      const cp = await importCsv(db, {
        kind: "handoffs",
        file: write("cp.csv", iconv.encode("deal_id;account_name\nV4;Müller AG\n", "win1252")),
      });
      expect(cp).toMatchObject({ reader: "stream", imported: 1 });
      // the streaming reader's normalized copy is gone, and nothing is left in DuckDB's in-memory catalog
      expect(existsSync(`${db.path}.staging`)).toBe(false);
      expect(
        (
          await db.conn.runAndReadAll("SELECT table_name FROM information_schema.tables WHERE table_catalog = 'memory'")
        ).getRows(),
      ).toEqual([]);
    },
  );

  it("imports a record longer than DuckDB's 2 MB line limit whole, through the streaming reader", async () => {
    // ~3.3 MB of UTF-8
    const scope = `Deliver the following. ${"Ünïcode scope text, line by line.\n".repeat(90_000)}End.`;
    const s = await importCsv(db, {
      kind: "handoffs",
      file: write(
        "long.csv",
        csvOf(HANDOFF_COLUMNS, [packet({ deal_id: "L1", signed_scope: scope }), packet({ deal_id: "L2" })]) + "\n\n",
      ),
    });
    expect(s).toMatchObject({ reader: "stream", rows: 2, imported: 2, quarantined: 0 });
    const stored = await db.db
      .selectFrom("packets")
      .select("signed_scope")
      .where("deal_id", "=", "L1")
      .executeTakeFirstOrThrow();
    expect(stored.signed_scope).toBe(scope);
  });

  it("keeps a superseded version's full content; the current version's content is the packet itself", async () => {
    const rows = [packet({ deal_id: "H1", kickoff_note: "First note" })];
    await importCsv(db, { kind: "handoffs", file: write("v1.csv", csvOf(HANDOFF_COLUMNS, rows)) });
    rows[0].kickoff_note = "Second note";
    await importCsv(db, { kind: "handoffs", file: write("v2.csv", csvOf(HANDOFF_COLUMNS, rows)) });
    const versions = await db.db
      .selectFrom("packet_versions")
      .select(["version", "data"])
      .where("deal_id", "=", "H1")
      .orderBy("version")
      .execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(JSON.parse(versions[0].data!)).toMatchObject({
      deal_id: "H1",
      kickoff_note: "First note",
      amount: 10000,
      currency: "USD",
    });
    expect(versions[1].data).toBeNull();
  });

  it("keeps unmapped columns as JSON under their own names, whatever they hold", async () => {
    const hostile = `Note'); DROP TABLE packets; --`;
    const f = write("x.csv", `deal_id,account_name,"${hostile}",Region\nX1,Acme,"it's ""fine""",EMEA\nX2,Beta,,\n`);
    const s = await importCsv(db, { kind: "handoffs", file: f });
    expect(s).toMatchObject({ imported: 2, unmapped_headers: [hostile, "Region"] });
    const got = await db.db.selectFrom("packets").select(["deal_id", "extra"]).orderBy("deal_id").execute();
    expect(got.map((p) => [p.deal_id, JSON.parse(p.extra)])).toEqual([
      ["X1", { [hostile]: `it's "fine"`, Region: "EMEA" }],
      ["X2", {}],
    ]);
  });
});

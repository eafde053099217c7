import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "../../batch/options";
import { batch } from "../helpers/server";
import { csvOf, HANDOFF_COLUMNS, packet } from "../helpers/factories";
import { tempDir } from "../helpers/db";

let dir: ReturnType<typeof tempDir>;
let db: string;
beforeAll(() => {
  dir = tempDir();
  db = path.join(dir.dir, "cli.duckdb");
  writeFileSync(
    path.join(dir.dir, "h.csv"),
    csvOf(HANDOFF_COLUMNS, [
      packet({ deal_id: "C1", kickoff_note: "They have 140 employees today." }),
      packet({ deal_id: "C2" }),
    ]),
  );
});
afterAll(() => dir.dispose());

describe("option parsing", () => {
  it("collects positionals, flags and repeated --map, and rejects unknown flags", () => {
    expect(parseArgs(["import", "handoffs", "f.csv", "--map", "a=B", "--map=c=D", "--json"])).toEqual({
      positional: ["import", "handoffs", "f.csv"],
      flags: { json: true },
      maps: ["a=B", "c=D"],
    });
    expect(() => parseArgs(["score", "--nope"])).toThrow(UsageError);
    expect(() => parseArgs(["import", "--db"])).toThrow(/needs a value/);
  });
});

describe("the batch CLI", () => {
  it("imports with a one-line summary and a JSON last line", () => {
    const r = batch(["import", "handoffs", path.join(dir.dir, "h.csv"), "--db", db, "--json"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/imported handoffs from h\.csv: 2 rows, 2 imported/);
    expect(r.json).toMatchObject({ rows: 2, imported: 2, unchanged: 0, quarantined: 0, quarantine: [] });
  });

  it("scores, then scores nothing the second time, and exports flags and metrics", () => {
    expect(batch(["score", "--db", db, "--json"]).json).toMatchObject({ scored: 2 });
    expect(batch(["score", "--db", db, "--json"]).json).toMatchObject({ scored: 0, unchanged: 2 });
    const out = path.join(dir.dir, "flags.csv");
    expect(batch(["export", "flags", out, "--db", db]).code).toBe(0);
    expect(readFileSync(out, "utf8").split("\r\n")[0]).toBe(
      "flag_id,deal_id,category,severity,source,start,end,evidence,message,detector,status",
    );
    const m = path.join(dir.dir, "m.json");
    expect(batch(["export", "metrics", m, "--db", db, "--pilot-start", "2026-01-15"]).code).toBe(0);
    expect(JSON.parse(readFileSync(m, "utf8")).pilot.start).toBe("2026-01-15");
  });

  it("imports within its own buffer pool budget, PT_IMPORT_MEMORY, refusing a value that is not a size", () => {
    const file = path.join(dir.dir, "h.csv");
    expect(
      batch(["import", "handoffs", file, "--db", db, "--json"], { env: { PT_IMPORT_MEMORY: "64MB" } }).json,
    ).toMatchObject({ rows: 2, unchanged: 2 });
    const r = batch(["import", "handoffs", file, "--db", db], {
      env: { PT_IMPORT_MEMORY: "64MB'; DROP TABLE packets; --" },
    });
    // checked with every other variable before the command starts (app/core/env.server.ts): a usage error, by name
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /invalid environment: PT_IMPORT_MEMORY="64MB'; DROP TABLE packets; --" must be a size such as 160MB or 1GB/,
    );
  });

  it(
    "imports a Zoho-style deal export: one header mapped to two columns, CRM dates, " + "warnings counted per column",
    () => {
      const file = path.join(dir.dir, "zoho.csv");
      const db = path.join(dir.dir, "zoho.duckdb"); // its own database: the nightly test below counts what it scores
      writeFileSync(
        file,
        'Deal Name,Closing Date,Amount\nAcme renewal,"16 Apr, 2021 00:03:00",Rs 18\nBeta new,sometime,"₹20,11,000"\n',
      );
      const r = batch([
        "import",
        "handoffs",
        file,
        "--db",
        db,
        "--json",
        "--map",
        'deal_id="Deal Name"',
        "--map",
        "account_name=Deal Name",
        "--map",
        "close_date=Closing Date",
      ]);
      expect(r.code).toBe(0);
      expect(r.json).toMatchObject({
        rows: 2,
        imported: 2,
        quarantined: 0,
        warnings: 1,
        warnings_by_column: { close_date: 1 },
      });
      expect(r.stdout.split("\n")[0]).toMatch(
        new RegExp(
          [
            String.raw`1 warning\(s\) — imported with the field left empty, its text kept \(close_date 1; first`,
            String.raw`: line 3: close_date: unparseable date "sometime"`,
          ].join(""),
        ),
      );
      // the next export of the same CRM needs no --map: the hand mapping is remembered for its source and headers
      const next = path.join(dir.dir, "zoho-next.csv");
      writeFileSync(next, 'Deal Name,Closing Date,Amount\nGamma,"Apr 3, 2021 11:15 PM",BRL 251.600\n');
      expect(batch(["import", "handoffs", next, "--db", db, "--json"]).json).toMatchObject({
        imported: 1,
        quarantined: 0,
        mapping: "remembered",
      });
      // a really wrong mapping says what is wrong, and writes nothing
      const wrong = batch([
        "import",
        "handoffs",
        file,
        "--db",
        db,
        "--map",
        "deal_id=Deal Name",
        "--map",
        "account_name=Deal Name",
        "--map",
        "amount=Deal Name",
      ]);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(
        new RegExp(
          [
            String.raw`--map amount="Deal Name": "Deal Name" is already mapped to deal_id and account_name; amo`,
            String.raw`unt is an amount column`,
          ].join(""),
        ),
      );
      expect(
        batch(["import", "handoffs", file, "--db", db, "--map", "deal_id=Deal Name", "--map", "deal_id=Amount"]).stderr,
      ).toMatch(/deal_id is already mapped to "Deal Name"/);
    },
  );

  it("exits 1 with a clear message when a file cannot be imported, and 2 on usage errors", () => {
    writeFileSync(path.join(dir.dir, "bad.csv"), "ID,NAME\n1,x\n");
    const r = batch(["import", "handoffs", path.join(dir.dir, "bad.csv"), "--db", db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/required column\(s\) account_name\. Headers found: ID, NAME/);
    expect(batch(["import", "nonsense", "x.csv", "--db", db]).code).toBe(2);
    expect(batch(["frobnicate", "--db", db]).code).toBe(2);
    expect(batch(["export", "metrics", path.join(dir.dir, "m2.json"), "--pilot-start", "soon", "--db", db]).code).toBe(
      2,
    );
  });

  it("adds users with the password from stdin and verifies the audit chain", () => {
    expect(
      batch(["users", "add", "ann@x.test", "--role", "leadership", "--db", db], { input: "long-password-1\n" }).code,
    ).toBe(0);
    expect(
      batch(["users", "add", "ann@x.test", "--role", "pope", "--db", db], { input: "long-password-1\n" }).code,
    ).toBe(1);
    expect(batch(["users", "add", "ann@x.test", "--role", "leadership", "--db", db]).code).toBe(1);
    const v = batch(["audit", "verify", "--db", db, "--json"]);
    expect(v.code).toBe(0);
    expect(v.json).toMatchObject({ ok: true });
  });

  it("runs nightly: imports waiting files, archives them, rejects unreadable ones with a reason", () => {
    const inbox = path.join(dir.dir, "inbox");
    mkdirSync(inbox, { recursive: true });
    writeFileSync(path.join(inbox, "handoffs-new.csv"), csvOf(HANDOFF_COLUMNS, [packet({ deal_id: "N1" })]));
    writeFileSync(path.join(inbox, "handoffs-broken.csv"), "just one column\n");
    const r = batch(["nightly", "--inbox", inbox, "--db", db, "--json"]);
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ scored: 1 });
    expect(readdirSync(path.join(dir.dir, "archive"))[0]).toMatch(/^\d+-handoffs-new\.csv$/);
    expect(readFileSync(path.join(dir.dir, "rejected", "handoffs-broken.csv.reason.txt"), "utf8")).toMatch(/CSV/);
    expect(existsSync(path.join(dir.dir, "metrics-latest.json"))).toBe(true);
  });
});

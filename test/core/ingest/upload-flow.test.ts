// The upload page's steps (core/ingest/upload-flow.server.ts) and Settings' remembered mappings, on a real DuckDB
// file: the file survives a bad mapping, a dry run writes nothing, an unchanged form is not a hand mapping.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { uploadFields, uploadStep, type UploadContext } from "../../../app/core/ingest/upload-flow.server";
import { listMappings, mappingAction } from "../../../app/core/ingest/mappings.server";
import { withTempDb, type TempDir, type TestDb } from "../../helpers/db";

let db: TestDb;
let files: TempDir;
let ctx: UploadContext;
withTempDb((d, f) => {
  db = d;
  files = f;
  ctx = { open: db, dir: files.dir, maxBytes: 1 << 20, uploader: "rae@x.test", runExclusive: (fn) => fn() };
});

const CSV = "Record ID,Deal Name,Close Date,Amount\nR1,Orbit,2026-01-05,$5\nR2,Beacon,2026-01-06,$6\n";
const count = async (table: "uploads" | "packets" | "import_mappings" | "audit_log") =>
  (await sql<{ n: number }>`SELECT count(*)::INTEGER AS n FROM ${sql.table(table)}`.execute(db.db)).rows[0].n;

async function uploaded() {
  const tmp = path.join(files.dir, "upload-1-deals.csv");
  writeFileSync(tmp, CSV);
  const r = await uploadStep(
    ctx,
    uploadFields([
      ["kind", "handoffs"],
      ["source", "HubSpot"],
    ]),
    { path: tmp, name: "deals.csv" },
  );
  if (r.result.stage !== "preview") throw new Error(JSON.stringify(r.result));
  return r.result.preview;
}
const step = (fields: [string, string][]) => uploadStep(ctx, uploadFields(fields));
/** The fields every later step of the page posts back for the file `uploaded()` previewed. */
const previewed = (p: { token: string }): [string, string][] => [
  ["token", p.token],
  ["kind", "handoffs"],
  ["source", "hubspot"],
  ["file_name", "deals.csv"],
];

describe("upload steps", () => {
  it(
    "previews with two sample values a header; a bad mapping keeps the file and says " +
      "what is wrong in the page's words",
    async () => {
      const p = await uploaded();
      expect(p).toMatchObject({
        source: "hubspot",
        missingRequired: ["account_name"],
        canImport: false,
        mappingFrom: "automatic",
      });
      expect(p.samples).toEqual([
        ["R1", "R2"],
        ["Orbit", "Beacon"],
        ["2026-01-05", "2026-01-06"],
        ["$5", "$6"],
      ]);
      const base: [string, string][] = [
        ...previewed(p),
        ["map.deal_id", "Record ID"],
        ["map.opportunity_name", "Deal Name"],
      ];
      const bad = await step([
        ...base,
        ["intent", "remap"],
        ["map.account_name", "Deal Name"],
        ["map.close_date", "Deal Name"],
      ]);
      expect(bad.result.stage).toBe("preview");
      if (bad.result.stage !== "preview") return;
      expect(bad.result.preview.canImport).toBe(false);
      expect(bad.result.preview.mapping.close_date).toBe("Deal Name");
      expect(bad.result.preview.mappingError).toMatch(
        /^The header “Deal Name” chosen for close_date: "Deal Name" is already mapped to/,
      );
      expect(bad.result.preview.mappingError).not.toMatch(/--map|\/tmp\//);
      // importing it is refused the same way, nothing written, the file still there
      const refused = await step([
        ...base,
        ["intent", "import"],
        ["map.account_name", "Deal Name"],
        ["map.close_date", "Deal Name"],
      ]);
      expect(refused.status).toBe(400);
      expect(existsSync(path.join(files.dir, `${p.token}.csv`))).toBe(true);
      expect(await count("uploads")).toBe(0);
    },
  );

  it(
    "a dry run counts what the import would do and writes nothing; the import then " +
      "does it and remembers the hand mapping",
    async () => {
      const p = await uploaded();
      const fields: [string, string][] = [
        ...previewed(p),
        ["map.deal_id", "Record ID"],
        ["map.account_name", "Deal Name"],
        ["map.opportunity_name", "Deal Name"],
        ["map.close_date", "Close Date"],
        ["map.amount", "Amount"],
      ];
      const audit = await count("audit_log");
      const dry = await step([...fields, ["intent", "dry_run"]]);
      expect(dry.result).toMatchObject({
        stage: "preview",
        dryRun: { dry_run: true, upload_id: 0, rows: 2, imported: 2, quarantined: 0 },
      });
      expect([
        await count("uploads"),
        await count("packets"),
        await count("import_mappings"),
        await count("audit_log"),
      ]).toEqual([0, 0, 0, audit]);
      const done = await step([...fields, ["intent", "import"]]);
      expect(done.result).toMatchObject({
        stage: "done",
        summary: { imported: 2, mapping: "by hand", file: "deals.csv" },
      });
      expect(existsSync(path.join(files.dir, `${p.token}.csv`))).toBe(false);
      expect((await listMappings(db.db)).map((m) => [m.kind, m.source_system, m.mapping.account_name])).toEqual([
        ["handoffs", "hubspot", "Deal Name"],
      ]);
      // next month's file: the remembered mapping, and the unchanged form is not a new hand mapping
      const next = await uploaded();
      expect(next).toMatchObject({ mappingFrom: "remembered", canImport: true, remembered: { by: "rae@x.test" } });
      const again = await step([
        ["token", next.token],
        ["kind", "handoffs"],
        ["source", "hubspot"],
        ["intent", "import"],
        ...Object.entries(next.mapping).map(([c, h]) => [`map.${c}`, h ?? ""] as [string, string]),
      ]);
      expect(again.result).toMatchObject({ stage: "done", summary: { unchanged: 2, mapping: "remembered" } });
    },
  );

  it("refuses bad form input with a 400 and a message, never an exception", async () => {
    expect(
      await step([
        ["intent", "import"],
        ["kind", "handoffs"],
        ["token", "../../etc/passwd"],
      ]),
    ).toMatchObject({
      status: 400,
      result: { stage: "error", error: "This upload expired or is not valid: upload the file again." },
    });
    expect(
      await step([
        ["intent", "drop"],
        ["kind", "handoffs"],
      ]),
    ).toMatchObject({ status: 400 });
    expect(
      await step([
        ["intent", "remap"],
        ["kind", "deals"],
      ]),
    ).toMatchObject({ status: 400, result: { error: "Choose what the file holds: handoffs, rework or reviews." } });
    expect(await uploadStep(ctx, uploadFields([["kind", "handoffs"]]), null)).toMatchObject({
      status: 400,
      result: { error: "Choose a CSV file to upload (the file was empty or missing)." },
    });
  });
});

describe("remembered mappings in Settings", () => {
  it("edits a mapping (checked like an import), forgets it, and audit-logs both", async () => {
    const p = await uploaded();
    await step([
      ["token", p.token],
      ["kind", "handoffs"],
      ["source", "hubspot"],
      ["intent", "import"],
      ["map.deal_id", "Record ID"],
      ["map.account_name", "Deal Name"],
    ]);
    const [m] = await listMappings(db.db);
    const form = (extra: [string, string][]) =>
      uploadFields([["kind", "handoffs"], ["source", "hubspot"], ["header_key", m.header_key], ...extra]);
    // Settings' mapping form as the admin posts it: intent "mapping" with the chosen headers
    const saveMapping = (map: [string, string][]) =>
      mappingAction(db, "admin@x.test", form([["intent", "mapping"], ...map]));
    expect(
      await saveMapping([
        ["map.deal_id", "Record ID"],
        ["map.account_name", ""],
      ]),
    ).toMatchObject({ status: 400, error: "Pick a header for each required column: account_name." });
    expect(
      await saveMapping([
        ["map.deal_id", "Record ID"],
        ["map.account_name", "Deal Name"],
        ["map.amount", "Deal Name"],
      ]),
    ).toMatchObject({ status: 400, error: expect.stringMatching(/^The header “Deal Name” chosen for amount/) });
    expect(
      await saveMapping([
        ["map.deal_id", "Deal Name"],
        ["map.account_name", "Deal Name"],
      ]),
    ).toMatchObject({ status: 200 });
    expect((await listMappings(db.db))[0]).toMatchObject({
      mapping: { deal_id: "Deal Name", account_name: "Deal Name" },
      updated_by: "admin@x.test",
    });
    expect(await mappingAction(db, "admin@x.test", form([["intent", "forget_mapping"]]))).toMatchObject({
      status: 200,
    });
    expect(await listMappings(db.db)).toEqual([]);
    const actions = (
      await sql<{
        action: string;
      }>`SELECT action FROM audit_log WHERE action LIKE 'settings.mapping%' ORDER BY seq`.execute(db.db)
    ).rows.map((r) => r.action);
    expect(actions).toEqual(["settings.mapping", "settings.mapping_forgotten"]);
    expect(await mappingAction(db, "admin@x.test", form([["intent", "forget_mapping"]]))).toMatchObject({
      status: 404,
    });
  });
});

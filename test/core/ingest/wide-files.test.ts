// Wide files (issue 13 #14): HubSpot exports up to 1,000 columns. A 3-row file of 1,000 columns imports within the
// CLI's import memory; a file over the stated column limit is refused before anything is written.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { ImportRefused } from "../../../app/core/ingest/import.server";
import { MAX_COLUMNS } from "../../../app/core/ingest/read-csv.server";
import { batchImport } from "../../../batch/commands/import";
import { withTempDb, type TempDir, type TestDb } from "../../helpers/db";

let db: TestDb;
let files: TempDir;
withTempDb((d, f) => ([db, files] = [d, f]));

function wideFile(columns: number): string {
  const headers = [
    "Record ID",
    "Deal Name",
    "Associated Company",
    "Close Date",
    "Amount",
    ...Array.from({ length: columns - 5 }, (_, i) => `Custom property ${i}`),
  ];
  const rows = [1, 2, 3].map((r) =>
    [
      `D${r}`,
      `Deal ${r}`,
      `Acme ${r}`,
      "2026-01-05",
      `"$5,00${r}"`,
      ...Array.from({ length: columns - 5 }, (_, i) => `"value, ${r}-${i}"`),
    ].join(","),
  );
  const f = path.join(files.dir, `wide-${columns}.csv`);
  writeFileSync(f, [headers.join(","), ...rows].join("\n") + "\n");
  return f;
}

describe("wide files", () => {
  it(
    `imports a 3-row file of ${MAX_COLUMNS.toLocaleString("en-US")} columns ` +
      `in the CLI's import memory, every unmapped column kept`,
    async () => {
      expect(MAX_COLUMNS).toBeGreaterThanOrEqual(1000);
      const s = await batchImport(db, "160MB", { kind: "handoffs", file: wideFile(MAX_COLUMNS) });
      expect(s).toMatchObject({ rows: 3, imported: 3, quarantined: 0, profile: "hubspot" });
      const stored = (
        await sql<{
          deal_id: string;
          amount: number;
          extra: string;
        }>`SELECT deal_id, amount, extra FROM packets ORDER BY deal_id`.execute(db.db)
      ).rows;
      expect(stored.map((p) => [p.deal_id, p.amount])).toEqual([
        ["D1", 5001],
        ["D2", 5002],
        ["D3", 5003],
      ]);
      const extra = JSON.parse(stored[2].extra) as Record<string, string>;
      expect(Object.keys(extra)).toHaveLength(MAX_COLUMNS - 5);
      expect(extra[`Custom property ${MAX_COLUMNS - 6}`]).toBe(`value, 3-${MAX_COLUMNS - 6}`);
    },
  );

  it("refuses a file over the column limit with a message that states the limit, writing nothing", async () => {
    const err = await batchImport(db, "160MB", { kind: "handoffs", file: wideFile(MAX_COLUMNS + 1) }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRefused);
    expect(err.message).toMatch(
      new RegExp(
        `has ${(MAX_COLUMNS + 1).toLocaleString("en-US")} columns, over the limit ` +
          `of ${MAX_COLUMNS.toLocaleString("en-US")} columns`,
      ),
    );
    expect((await sql<{ n: number }>`SELECT count(*)::INTEGER AS n FROM uploads`.execute(db.db)).rows[0].n).toBe(0);
  });
});

import { writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { importCsv, ImportRefused } from "../../../app/core/ingest/import.server";
import { withTempDb, type TempDir, type TestDb } from "../../helpers/db";

let db: TestDb;
let files: TempDir;
withTempDb((d, f) => ([db, files] = [d, f]), "all");

const cellText = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom("a", "Z", " ", ",", ";", "\t", '"', "\n", "\r\n", "é", "€", "’", "–", "😀", "x"),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
    ),
    maxLength: 30,
  })
  .map((s) => s.replace(/\r(?!\n)/g, "").replace(/\u0000/g, ""));

function encodeCsv(rows: string[][], delimiter: string, eol: string): string {
  const q = (v: string) => (v === "" || /[",;\t\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(q).join(delimiter)).join(eol) + eol;
}

describe("importer properties", () => {
  it("round-trips every cell exactly for random tables in random dialects", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cellText, cellText, cellText), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(",", ";", "\t"),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        async (cells, delimiter, eol, bom) => {
          run++;
          const rows = cells.map(([a, b, c], i) => [`R${run}-${i}`, `Acct ${a}`.trim() || "Acct", b, c]);
          const text = encodeCsv(
            [["deal_id", "account_name", "kickoff_note", "customer_promise"], ...rows],
            delimiter,
            eol,
          );
          const file = path.join(files.dir, `p${run}.csv`);
          writeFileSync(file, (bom ? "\uFEFF" : "") + text);
          const s = await importCsv(db, { kind: "handoffs", file });
          expect(s.rows).toBe(rows.length);
          expect(s.imported + s.unchanged + s.quarantined).toBe(s.rows);
          const stored = await db.db
            .selectFrom("packets")
            .select(["deal_id", "account_name", "kickoff_note", "customer_promise"])
            .where("deal_id", "like", `R${run}-%`)
            .orderBy("deal_id")
            .execute();
          const want = rows.filter((r) => r[1].trim() !== "");
          for (const r of want) {
            const got = stored.find((x) => x.deal_id === r[0])!;
            expect(got.account_name).toBe(r[1]);
            expect(got.kickoff_note ?? "").toBe(r[2]);
            expect(got.customer_promise ?? "").toBe(r[3]);
          }
        },
      ),
      { numRuns: 40, seed: 20260413 },
    );
  });

  it("never throws an unexpected error or writes a partial upload on random bytes", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 400 }), fc.boolean(), async (bytes, withHeader) => {
        run++;
        const file = path.join(files.dir, `g${run}.csv`);
        const head = withHeader ? Buffer.from("deal_id,account_name\n") : Buffer.alloc(0);
        writeFileSync(file, Buffer.concat([head, Buffer.from(bytes)]));
        const before = Number(
          (
            await db.db
              .selectFrom("uploads")
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
        try {
          const s = await importCsv(db, { kind: "handoffs", file });
          expect(s.imported + s.unchanged + s.quarantined).toBe(s.rows);
          const up = await db.db
            .selectFrom("uploads")
            .selectAll()
            .where("id", "=", s.upload_id)
            .executeTakeFirstOrThrow();
          expect(up.rows_read).toBe(s.rows);
        } catch (e) {
          expect(e).toBeInstanceOf(ImportRefused);
          const after = Number(
            (
              await db.db
                .selectFrom("uploads")
                .select((eb) => eb.fn.countAll().as("n"))
                .executeTakeFirstOrThrow()
            ).n,
          );
          expect(after).toBe(before);
        }
      }),
      { numRuns: 60, seed: 20260414 },
    );
  });

  it("decodes every Windows-1252 byte 0x80–0x9F as Excel means it", async () => {
    const file = path.join(files.dir, "cp.csv");
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from("deal_id,account_name\nW1,"),
        iconv.encode("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", "win1252"),
        Buffer.from("\n"),
      ]),
    );
    await importCsv(db, { kind: "handoffs", file });
    const w = await db.db
      .selectFrom("packets")
      .select("account_name")
      .where("deal_id", "=", "W1")
      .executeTakeFirstOrThrow();
    expect(w.account_name).toBe("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkedSize, withMemoryLimit } from "../../../app/core/db/db.server";
import { tempDb } from "../../helpers/db";

describe("the buffer pool limit of one job", () => {
  let open: Awaited<ReturnType<typeof tempDb>>;
  const limit = async () =>
    String((await open.conn.runAndReadAll("SELECT current_setting('memory_limit')")).getRows()[0][0]);
  beforeAll(async () => {
    open = await tempDb();
  });
  afterAll(() => open.dispose());

  it("holds while the job runs and is restored after it, also when the job fails", async () => {
    const before = await limit();
    expect(await withMemoryLimit(open, "96MB", limit)).toMatch(/^9[01]\.\d MiB$/);
    expect(await limit()).toBe(before);
    await expect(withMemoryLimit(open, "96MB", async () => Promise.reject(new Error("job failed")))).rejects.toThrow(
      "job failed",
    );
    expect(await limit()).toBe(before);
    expect(await withMemoryLimit(open, undefined, limit)).toBe(before);
  });

  it("accepts sizes as DuckDB writes them and refuses anything else before it reaches SQL", () => {
    expect(checkedSize(" 1.5GB", "X")).toBe("1.5GB");
    expect(checkedSize("160MiB", "X")).toBe("160MiB");
    for (const bad of ["", "160", "lots", "160MB'; SELECT 1; --", "-5MB"])
      expect(() => checkedSize(bad, "PT_X")).toThrow(/^PT_X ".*" is not a size/);
  });
});

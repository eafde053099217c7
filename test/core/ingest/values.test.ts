import { describe, expect, it } from "vitest";
import { parseAmount, parseDate, parseTimestamp, ValueError } from "../../../app/core/ingest/values";
import { mapHeaders, parseManualMap } from "../../../app/core/ingest/columns";
import { detectDelimiter } from "../../../app/core/ingest/read-csv.server";

describe("dates", () => {
  it.each([
    ["2026-03-27", "2026-03-27"],
    ["3/27/2026", "2026-03-27"],
    ["3/7/26", "2026-03-07"],
    ["27.03.2026", "2026-03-27"],
    ["2006-06-15T20:47:07.000Z", "2006-06-15"],
    ["2024-01-22T16:14:25.000+0000", "2024-01-22"],
    ["  ", null],
  ])("%s → %s", (raw, want) => expect(parseDate(raw)).toBe(want));

  it.each(["2026-02-30", "13/01/2026", "next week", "32.01.2026"])("refuses %s with a specific reason", (raw) => {
    expect(() => parseDate(raw)).toThrow(ValueError);
  });

  it("reads review timestamps with or without a time", () => {
    expect(parseTimestamp("2026-03-01")!.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(parseTimestamp("2026-03-01T10:30:00Z")!.toISOString()).toBe("2026-03-01T10:30:00.000Z");
  });
});

describe("amounts", () => {
  it.each([
    ["$48,000.00", 48000, "USD"],
    ["48.000,00 €", 48000, "EUR"],
    ["500000.0", 500000, null],
    ["£52,500", 52500, "GBP"],
    ["84500", 84500, null],
    ["1.234.567", 1234567, null],
    ["12,5", 12.5, null],
  ])("%s → %d %s", (raw, value, currency) => expect(parseAmount(raw)).toEqual({ value, currency }));

  it("refuses text that is not a number", () => {
    expect(() => parseAmount("lots")).toThrow(/not a number/);
    expect(() => parseAmount("1.2.3,4,5")).toThrow(ValueError);
  });
});

describe("header mapping", () => {
  it("maps exact names, aliases, Salesforce API names and punctuation variants", () => {
    const m = mapHeaders("handoffs", ["\uFEFFId", "Account Name", "Name", "CloseDate", "Kickoff-Date", "Amount", "OwnerId", "AccountId"]);
    expect(m.columns).toMatchObject({ deal_id: 0, account_name: 1, opportunity_name: 2, close_date: 3, kickoff_date: 4, amount: 5 });
    expect(m.unmapped).toEqual(["OwnerId", "AccountId"]);
    expect(m.missingRequired).toEqual([]);
  });

  it("never maps AccountId to account_name on its own, and reports what is missing", () => {
    const m = mapHeaders("handoffs", ["ID", "ACCOUNTID", "NAME"]);
    expect(m.missingRequired).toEqual(["account_name"]);
  });

  it("takes a hand mapping first and rejects unknown columns or headers", () => {
    const m = mapHeaders("handoffs", ["ID", "ACCOUNTID"], parseManualMap(["account_name=ACCOUNTID"]));
    expect(m.columns.account_name).toBe(1);
    expect(() => mapHeaders("handoffs", ["ID"], { nope: "ID" })).toThrow(/unknown column/);
    expect(() => mapHeaders("handoffs", ["ID"], { account_name: "Missing" })).toThrow(/no header "Missing"/);
    expect(() => parseManualMap(["broken"])).toThrow(/column=Header/);
  });

  it("detects , ; and tab delimiters outside quotes", () => {
    expect(detectDelimiter('a,b,"c;d"')).toBe(",");
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
  });
});

import { describe, expect, it } from "vitest";
import { dayOrderOf, parseAmount, parseDate, parseTimestamp, ValueError } from "../../../app/core/ingest/values";
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

  it.each([
    ["16 Apr, 2021 00:03:00", "2021-04-16"],
    ["16 Apr, 2021 12:03:00 AM", "2021-04-16"],
    ["16-Apr-2021", "2021-04-16"],
    ["16-APR-21", "2021-04-16"],
    ["Apr 16, 2021", "2021-04-16"],
    ["Apr. 16, 2021 3:04 PM", "2021-04-16"],
    ["April 16th, 2021", "2021-04-16"],
    ["Fri, 16 Apr 2021", "2021-04-16"],
    ["16 Sept 2021", "2021-09-16"],
    ["4/16/2021 3:04 pm", "2021-04-16"],
    ["2021/04/16", "2021-04-16"],
    ["2021/4/6 23:59", "2021-04-06"],
    ["20210416", "2021-04-16"],
    ["16.04.2021 14:30", "2021-04-16"],
    ["44302", "2021-04-16"],
    ["44302.75", "2021-04-16"],
    ["2021-04-16T23:30:00-08:00", "2021-04-16"],
  ])("reads the CRM form %s as %s", (raw, want) => expect(parseDate(raw)).toBe(want));

  it("reads numeric dates day first only when told, and says which order refused a value", () => {
    expect(parseDate("04/05/2021")).toBe("2021-04-05");
    expect(parseDate("04/05/2021", { order: "day-first" })).toBe("2021-05-04");
    expect(parseDate("16/04/2021", { order: "day-first" })).toBe("2021-04-16");
    expect(() => parseDate("16/04/2021")).toThrow(/read month first/);
    expect(() => parseDate("4/16/2021", { order: "day-first" })).toThrow(/read day first/);
  });

  it("finds a column's day order from its own values", () => {
    expect(dayOrderOf(["01/02/2021", "16/04/2021 10:00"])).toBe("day-first");
    expect(dayOrderOf(["01/02/2021", "4/16/2021"])).toBe("month-first");
    expect(dayOrderOf(["01/02/2021", "2021-04-16"])).toBeNull();
    expect(dayOrderOf(["16/04/2021", "4/16/2021"])).toBeNull();
  });

  it.each(["16 Apr 2021 25:00", "2021-04-16 10:00 tomorrow", "Apr 2021", "2021", "1/2/3", "N/A"])(
    "refuses %s",
    (raw) => {
      expect(() => parseDate(raw)).toThrow(ValueError);
    },
  );

  it("reads review timestamps with or without a time", () => {
    expect(parseTimestamp("2026-03-01")!.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(parseTimestamp("2026-03-01T10:30:00Z")!.toISOString()).toBe("2026-03-01T10:30:00.000Z");
    expect(parseTimestamp("Apr 16, 2021 3:04 PM")!.toISOString()).toBe("2021-04-16T15:04:00.000Z");
    expect(parseTimestamp("16/04/2021 00:03", { order: "day-first" })!.toISOString()).toBe("2021-04-16T00:03:00.000Z");
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

  it.each([
    ["Rs 18,40,000", 1840000, "INR"],
    ["₹20,11,000", 2011000, "INR"],
    ["INR 12,00,000", 1200000, "INR"],
    ["₹1,00,00,000.50", 10000000.5, "INR"],
    ["R$ 162.860,00", 162860, "BRL"],
    ["BRL 251.600,00", 251600, "BRL"],
    ["SGD 41,080.00", 41080, "SGD"],
    ["S$102,040", 102040, "SGD"],
    ["CA$71,040", 71040, "CAD"],
    ["NOK 14,600,000", 14600000, "NOK"],
    ["$129,976.00 AUD", 129976, "AUD"],
    ["389,760.00 usd", 389760, "USD"],
    ["EUR 8.400", 8400, "EUR"],
    ["KWD 1.500", 1.5, "KWD"],
    ["-$1,200.50", -1200.5, "USD"],
    ["(1,200)", -1200, null],
    ["CHF 1'234.50", 1234.5, "CHF"],
    ["kr 1 000", 1000, null],
    ["Dhs 48,500", 48500, "AED"],
    ["SR 9,800.00", 9800, "SAR"],
    ["QR 4,000", 4000, "QAR"],
  ])("reads the CRM amount %s as %d %s", (raw, value, currency) =>
    expect(parseAmount(raw)).toEqual({ value, currency }),
  );

  it("names a currency it does not know", () => {
    expect(() => parseAmount("USD 1,000 approx")).toThrow(/unknown currency "approx"/);
    expect(() => parseAmount("1,23,4")).toThrow(/not a number/);
  });

  it("refuses text that is not a number", () => {
    expect(() => parseAmount("lots")).toThrow(/not a number/);
    expect(() => parseAmount("1.2.3,4,5")).toThrow(ValueError);
  });
});

describe("header mapping", () => {
  it("maps exact names, aliases, Salesforce API names and punctuation variants", () => {
    const m = mapHeaders("handoffs", [
      "\uFEFFId",
      "Account Name",
      "Name",
      "CloseDate",
      "Kickoff-Date",
      "Amount",
      "OwnerId",
      "AccountId",
    ]);
    expect(m.columns).toMatchObject({
      deal_id: 0,
      account_name: 1,
      opportunity_name: 2,
      close_date: 3,
      kickoff_date: 4,
      amount: 5,
    });
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

  it("lets one header feed two columns by hand, and it still maps to the column it names", () => {
    const headers = ["Deal Name", "Closing Date", "Amount"];
    const m = mapHeaders("handoffs", headers, parseManualMap(["deal_id=Deal Name", 'account_name="Deal Name"']));
    // "Deal Name" and "Closing Date" are Zoho's display names: its profile maps the date too
    expect(m.columns).toEqual({ deal_id: 0, account_name: 0, opportunity_name: 0, close_date: 1, amount: 2 });
    expect(m.profile).toBe("zoho");
    expect(m.missingRequired).toEqual([]);
    expect(m.unmapped).toEqual([]);
  });

  it.each([
    [
      "hubspot",
      ["Record ID", "Deal Name", "Associated Company", "Close Date", "Deal owner", "Amount"],
      { deal_id: 0, opportunity_name: 1, account_name: 2, close_date: 3, account_owner: 4, amount: 5 },
    ],
    [
      "zoho",
      ["Record Id", "Potential Name", "Account Name", "Closing Date", "Potential Owner", "Amount"],
      { deal_id: 0, opportunity_name: 1, account_name: 2, close_date: 3, account_owner: 4, amount: 5 },
    ],
    [
      "dynamics365",
      ["(Do Not Modify) Opportunity", "Topic", "Potential Customer", "Est. close date", "Est. revenue", "Owner"],
      { deal_id: 0, opportunity_name: 1, account_name: 2, close_date: 3, amount: 4, account_owner: 5 },
    ],
    [
      "pipedrive",
      [
        "Deal - ID",
        "Deal - Title",
        "Organization - Name",
        "Deal - Expected close date",
        "Deal - Value",
        "Deal - Owner",
      ],
      { deal_id: 0, opportunity_name: 1, account_name: 2, close_date: 3, amount: 4, account_owner: 5 },
    ],
    [
      "salesforce",
      ["Opportunity ID", "Opportunity Name", "Account Name", "Close Date", "Opportunity Owner", "Amount"],
      { deal_id: 0, opportunity_name: 1, account_name: 2, close_date: 3, account_owner: 4, amount: 5 },
    ],
  ] as const)("maps the display-name headers of a %s export without a hand mapping", (profile, headers, columns) => {
    const m = mapHeaders("handoffs", [...headers]);
    expect(m.profile).toBe(profile);
    expect(m.columns).toEqual(columns);
    expect(m.missingRequired).toEqual([]);
  });

  it("says what is really wrong with a mapping", () => {
    const headers = ["Deal Name", "Account", "Close Date", "Amount"];
    expect(() => mapHeaders("handoffs", headers, { opportunity_name: "Deal Name", amount: "Deal Name" })).toThrow(
      /--map amount="Deal Name": "Deal Name" is already mapped to opportunity_name; amount is an amount column/,
    );
    expect(() => mapHeaders("handoffs", headers, { kickoff_date: "Close Date", close_date: "Close Date" })).toThrow(
      /"Close Date" is already mapped to kickoff_date; close_date is a date column/,
    );
    expect(() => parseManualMap(["deal_id=Deal Name", "deal_id=Account"])).toThrow(
      /deal_id is already mapped to "Deal Name"/,
    );
    // a header not in the file: its headers as written, and the near miss
    expect(() => mapHeaders("handoffs", headers, { deal_id: "DealName" })).toThrow(
      /no header "DealName" \(did you mean "Deal Name"\?\); its headers are: "Deal Name", "Account"/,
    );
  });

  it("detects , ; and tab delimiters outside quotes", () => {
    expect(detectDelimiter('a,b,"c;d"')).toBe(",");
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
  });
});

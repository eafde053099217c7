import { describe, expect, it } from "vitest";
import { clauses, items, logicalLines, sentences, units } from "../../../app/core/scoring/structure";
import { dateMentions, parseNumberWords, parseNumeral, quantities } from "../../../app/core/scoring/numbers";
import { stem, terms } from "../../../app/core/scoring/lexicon";

describe("structure", () => {
  it("keeps offsets exact through CRLF, tabs and non-ASCII", () => {
    const text =
      "Intro — “quoted”.\r\n" +
      "\t2.4 Configure 🚀 rockets. Accepted when they fly.\r\n" +
      "- bullet one\r\n• bullet two";
    for (const u of units(text)) expect(text.slice(u.start, u.end)).toBe(u.text);
    expect(units(text).map((u) => u.marker)).toEqual([null, "2.4", "2.4", "-", "•"]);
  });

  it("reads numbered, lettered and prefixed markers", () => {
    const text =
      "D3. Dashboards.\na) Reports.\n(b) Exports.\n" + "Item 4. Training.\nArticle 2 — Deliverables.\n§3 Fees.";
    expect(items(text).map((i) => i.marker)).toEqual(["D3.", "a)", "(b)", "Item 4.", "Article 2 —", "§3"]);
  });

  it("joins wrapped prose lines but keeps one-thought-per-line notes apart", () => {
    const wrapped =
      "The contractor shall deliver a working prototype of the application\nusing a " +
      "modern stack that the agency already operates and supports.\nShort line.";
    expect(logicalLines(wrapped).filter((l) => l.text.trim()).length).toBe(2);
    const notes = "they have 90 techs\nprice is fine\ntold them we'd add SMS";
    expect(logicalLines(notes).length).toBe(3);
  });

  it("splits sentences but not abbreviations, decimals or initials", () => {
    const text = "Approx. 40 users at $9.50 each, e.g. admins. Owner is Priya N. (Delivery). Done.";
    expect(sentences(text, 0, text.length).map((s) => s.text)).toEqual([
      "Approx. 40 users at $9.50 each, e.g. admins.",
      "Owner is Priya N. (Delivery).",
      "Done.",
    ]);
  });

  it("splits clauses at top level only", () => {
    const text = "connect the store (complete when orders sync, daily), import contacts; build journeys";
    expect(clauses(text, 0, text.length, { commas: true }).map((c) => c.text)).toEqual([
      "connect the store (complete when orders sync, daily)",
      "import contacts",
      "build journeys",
    ]);
  });
});

describe("numbers and dates", () => {
  it.each([
    ["two hundred fifty", 250],
    ["two hundred seventy-five", 275],
    ["twelve hundred", 1200],
    ["forty", 40],
    ["one thousand two hundred", 1200],
  ])("number words: %s → %d", (t, n) => expect(parseNumberWords(t)).toBe(n));

  it("numerals with separators and suffixes", () => {
    expect([parseNumeral("1,200"), parseNumeral("38k"), parseNumeral("2.5M"), parseNumeral("9.50")]).toEqual([
      1200, 38000, 2500000, 9.5,
    ]);
  });

  it("finds counted quantities with their bound and unit", () => {
    const q = quantities(
      "Up to 650 Windows and macOS endpoints; forty (40) named users; ~190 employees; $9.50 per user",
    );
    expect(q.map((x) => [x.value, x.unit, x.bound])).toEqual([
      [650, "endpoint", "max"],
      [40, "user", "exact"],
      [190, "employee", "approx"],
    ]);
  });

  it("finds dates, months, quarters and relative deadlines, and ignores look-alikes", () => {
    const d = dateMentions(
      "live by 3/27, then March 15, before Q3, EOQ, within six weeks of signature; 24/7 support; Juniper",
    );
    expect(d.map((x) => x.key)).toEqual(["03-27", "03-15", "Q3", "EOQ", null]);
  });
});

describe("terms", () => {
  it("stems and maps synonyms so the same thing written two ways matches", () => {
    expect(stem("integrations")).toBe(stem("integration"));
    expect(stem("quoting")).toBe(stem("quote"));
    expect(stem("seats")).toBe(stem("users"));
    // a doubled consonant goes with its ending; a double l stays
    expect(stem("planning")).toBe(stem("plan"));
    expect(stem("shipped")).toBe(stem("ships"));
    expect(stem("billing")).toBe(stem("bill"));
    expect(terms("The customer wants the SSO integrations")).toEqual(["sso", "integrate"]);
  });
  it("splits hyphenated compounds into their words", () => {
    expect(terms("Project-time tracking")).toEqual(expect.arrayContaining([stem("project"), stem("time")]));
  });
  it("reads an acronym's plural as the acronym", () => {
    expect(stem("DCs")).toBe(stem("DC"));
    expect(stem("KPIs")).toBe(stem("KPI"));
    expect(stem("bus")).toBe("bus");
  });
});

// The deal amount in the CRM against the order form's total: a transposed or stale figure ("£57,660" on the deal,
// "ORDER TOTAL: £55,660" on the form) is a conflict RevOps must settle before kickoff, and both sides are cited.
import type { Context, Finding } from "./types";
import { parseMoney } from "./facts";
import { lines } from "./structure";

/** A figure with its currency marks: "£57,660", "CA$112,450.00", "2 316 540,00 PLN", "INR 12,00,000", "$1.2M". */
const MONEY =
  /(?<![\w.,])(\d{1,3}(?:[,. \u00a0\u202f']\d{2,3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s?([km](?:n|illion)?\b)?/gi;
const CURRENCY =
  /[$€£¥₹]|\b(?:USD|EUR|GBP|INR|AUD|CAD|NZD|SGD|MYR|HKD|JPY|CNY|CHF|SEK|NOK|DKK|PLN|CZK|AED|SAR|ZAR|BRL|MXN)\b/g;
/** A line that totals the order ("Order total", "TOTAL NET", "Total due across milestones"), not a subtotal. */
const TOTAL_LINE = new RegExp(
  String.raw`\btotal\w*\b|\btcv\b|\bcontract value\b|\bamount due\b|\bsumm?e\b|\bgesamt\w*|\bmontant\b|\brazem\b|` +
    String.raw`\bimporte\b|\bvalor total\b`,
  "i",
);
const SUBTOTAL = /\bsub-?\s?total\b/i;
/**
 * How far apart two figures may be and still be "another figure for the same order": within half a percent they
 * agree (rounding, a currency's cents), beyond a fifth they are different things (a multi-year value, a
 * subscription alone), not one figure written wrong.
 */
const AGREE = 0.005;
const UNRELATED = 0.2;

interface Money {
  value: number;
  currencies: Set<string>;
}

function moneyIn(text: string): Money[] {
  const currencies = new Set(text.match(CURRENCY) ?? []);
  const out: Money[] = [];
  for (const m of text.matchAll(MONEY)) {
    const value = parseMoney(m[1].replace(/[\u00a0\u202f' ]/g, ""), m[2]?.[0]);
    // (a year, a line number or a quantity is no money: an amount worth comparing has at least four digits)
    if (value !== null && value >= 1000 && !/^(?:19|20)\d{2}$/.test(m[1])) out.push({ value, currencies });
  }
  return out;
}

const gap = (a: number, b: number) => Math.abs(a - b) / Math.max(a, b);
/** "$" and "CA$" share a mark; "£" and "€" do not: figures in two currencies are not compared. */
const sameCurrency = (a: Set<string>, b: Set<string>) =>
  !a.size || !b.size || [...a].some((c) => b.has(c) || [...b].some((d) => d.includes(c) || c.includes(d)));

export function amountConflicts(ctx: Context): Finding[] {
  const raw = ctx.packet.amount_text ?? "";
  const written = raw.trim();
  const amount = moneyIn(written)[0];
  if (!amount) return [];
  const form = ctx.text("order_form");
  const figures = moneyIn(form);
  // the amount is a figure the form states somewhere (a total before tax, one year of several): no disagreement
  if (figures.some((f) => gap(f.value, amount.value) <= AGREE)) return [];
  const totals = lines(form)
    .filter((l) => TOTAL_LINE.test(l.text) && !SUBTOTAL.test(l.text))
    .flatMap((l) => {
      const last = moneyIn(l.text).at(-1);
      return last && sameCurrency(last.currencies, amount.currencies) ? [{ line: l, value: last.value }] : [];
    })
    .filter((t) => gap(t.value, amount.value) < UNRELATED)
    .sort((a, b) => gap(a.value, amount.value) - gap(b.value, amount.value));
  const total = totals[0];
  if (!total) return [];
  const start = raw.indexOf(written);
  const line = total.line.text.trim();
  const at = total.line.start + total.line.text.indexOf(line);
  const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });
  return [
    {
      category: "conflicting_terms",
      severity: "high",
      source: "amount",
      start,
      end: start + written.length,
      message:
        `The deal amount (${written}) is not the order form's total (${fmt(total.value)}): correct the CRM ` +
        `amount or the order form so both say what the customer signed.`,
    },
    {
      category: "conflicting_terms",
      severity: "high",
      source: "order_form",
      start: at,
      end: at + line.length,
      message:
        `The order form's total (${fmt(total.value)}) differs from the deal amount in the CRM ` +
        `(${fmt(amount.value)}): agree one figure before kickoff.`,
    },
  ];
}

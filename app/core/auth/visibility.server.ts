// What one role may see of pricing: the ONE place the "hide pricing from" setting is applied. Every page, download
// and note that shows packet text, flags or audit details passes its data through the Visibility of the viewer's
// role (packetDetail, flagsForField, auditPage, exportFile), so a new view cannot forget the rule by accident.
import type { DB } from "../db/db.server";
import type { Tx } from "../db/tx.server";
import { getPilotSettings } from "../settings.server";

/** The packet parts that carry pricing: deal amount, order form and deal-desk exception. */
export const PRICING_SOURCES = ["order_form", "deal_desk_exception", "amount"] as const;

export const HIDDEN_TEXT = "(hidden for your role)";
/**
 * Thrown where a whole page or file is pricing (a /fields drill-down of a pricing part, a quarantine file of raw
 * rows): the route refuses it with a logged 403 (REFUSALS.pricing says why).
 */
export class PricingHidden extends Error {
  constructor(readonly target: string) {
    super(`pricing hidden: ${target}`);
  }
}

// "the order form says $120,000" in a conflict message: the figure after a hidden part's name
const SAYS =
  /\b(the (?:order[ _]form|deal[ _-]desk(?:[ _]exception)?) says) (.+?)(?=(?: but | and |: |; |\.\s|\.?$))/gi;
const NAMES_PRICING = /order[ _]form|deal[ _-]desk|deal amount/i;
// money and bare figures ($120,000 · 120k · EUR 4.500,00 · 12%): masked in free text that talks about a hidden part
const FIGURE =
  /(?:[$€£¥₹]|\b(?:USD|EUR|GBP|INR|AUD|CAD|SGD|BRL|Rs)\.?\s?)?\d[\d,.']*(?:\s?(?:k|m|bn|%|USD|EUR|GBP))?\b/gi;

interface PacketPricing {
  amount: number | null;
  amount_text?: string | null;
  order_form: string | null;
  deal_desk_exception: string | null;
  unparsed?: string | null;
}

export interface Visibility {
  /** true when the viewer's role is in Settings → "hide pricing from" */
  readonly pricingHidden: boolean;
  /** the packet parts this role does not see */
  readonly hiddenSources: ReadonlySet<string>;
  sourceVisible(source: string): boolean;
  /** the packet with its pricing parts, amount and unparsed amount text removed for this role */
  packet<P extends PacketPricing>(p: P): P;
  /** flags this role may see: none citing a hidden part, and no hidden figure in a message about one */
  flags<F extends { source: string; message?: string }>(flags: F[]): F[];
  /** free text (a flag message, an audit detail) with what it says about a hidden part masked */
  text(s: string): string;
  /** audit rows with the details of entries about a hidden part masked */
  auditRows<A extends { detail: string }>(rows: A[]): A[];
}

const EVERYTHING: Visibility = {
  pricingHidden: false,
  hiddenSources: new Set(),
  sourceVisible: () => true,
  packet: (p) => p,
  flags: (f) => f,
  text: (s) => s,
  auditRows: (r) => r,
};

/**
 * A conflict message names the hidden part's figure ("the order form says 98,765"); other text about a hidden part
 * loses its figures.
 */
function maskText(s: string): string {
  if (!NAMES_PRICING.test(s)) return s;
  const said = s.replace(SAYS, `$1 ${HIDDEN_TEXT}`);
  return said !== s ? said : s.replace(FIGURE, (m) => (/\d/.test(m) ? "…" : m));
}

const HIDDEN: Visibility = {
  pricingHidden: true,
  hiddenSources: new Set(PRICING_SOURCES),
  sourceVisible: (s) => !(PRICING_SOURCES as readonly string[]).includes(s),
  packet(p) {
    let unparsed = p.unparsed;
    if (unparsed) {
      try {
        const u = JSON.parse(unparsed) as Record<string, unknown>;
        delete u.amount;
        unparsed = Object.keys(u).length ? JSON.stringify(u) : null;
      } catch {
        unparsed = null;
      }
    }
    return {
      ...p,
      order_form: null,
      deal_desk_exception: null,
      amount: null,
      ...(p.amount_text === undefined ? {} : { amount_text: null }),
      ...(p.unparsed === undefined ? {} : { unparsed }),
    };
  },
  flags(flags) {
    return flags
      .filter((f) => HIDDEN.sourceVisible(f.source))
      .map((f) => (typeof f.message === "string" ? { ...f, message: maskText(f.message) } : f));
  },
  text: maskText,
  auditRows(rows) {
    return rows.map((r) => {
      if (!NAMES_PRICING.test(r.detail)) return r;
      // an entry about a hidden part (a dropped LLM quote from the order form, say) keeps its shape, not its words
      try {
        const d = JSON.parse(r.detail) as Record<string, unknown>;
        if (typeof d.source === "string" && !HIDDEN.sourceVisible(d.source))
          return {
            ...r,
            detail: JSON.stringify({
              ...d,
              quote: d.quote === undefined ? undefined : HIDDEN_TEXT,
              evidence: d.evidence === undefined ? undefined : HIDDEN_TEXT,
            }),
          };
      } catch {
        // not JSON: masked as text below
      }
      return { ...r, detail: maskText(r.detail) };
    });
  },
};

/** Everything visible: for the batch, the scorer and exports made by the CLI. */
export const FULL_VISIBILITY = EVERYTHING;

/** What the role may see, from the current "hide pricing from" setting. */
export async function visibilityFor(db: DB | Tx, role: string): Promise<Visibility> {
  return (await getPilotSettings(db)).hide_pricing_from.includes(role) ? HIDDEN : EVERYTHING;
}

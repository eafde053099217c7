// The handoff packet: its parts and the fields the scorer reads.

export const TEXT_SOURCES = [
  "signed_scope",
  "order_form",
  "deal_desk_exception",
  "kickoff_note",
  "cs_requirement",
  "customer_promise",
] as const;
/** Where a flag can point: a text part, the delivery owner, or the deal amount as written. */
export const FLAG_SOURCES = [...TEXT_SOURCES, "delivery_owner", "amount"] as const;
export type TextSource = (typeof TEXT_SOURCES)[number];
export type FlagSource = (typeof FLAG_SOURCES)[number];

/** The seven parts of a complete packet (PRODUCT.md, handoff completeness). */
export const PACKET_PARTS = [
  "signed_scope",
  "order_form",
  "deal_desk_exception",
  "kickoff_note",
  "cs_requirement",
  "delivery_owner",
  "customer_promise",
] as const;

export const CATEGORIES = [
  "missing_acceptance_criteria",
  "ambiguous_deliverable",
  "unowned_requirement",
  "scope_exception",
  "timeline_assumption",
  "promise_not_in_scope",
  "conflicting_terms",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  missing_acceptance_criteria: "Missing acceptance criteria",
  ambiguous_deliverable: "Ambiguous deliverable",
  unowned_requirement: "Unowned requirement",
  scope_exception: "Scope exception",
  timeline_assumption: "Timeline assumption",
  promise_not_in_scope: "Promise not in scope",
  conflicting_terms: "Conflicting terms",
};

export const SOURCE_LABELS: Record<FlagSource, string> = {
  signed_scope: "Signed scope (SOW)",
  order_form: "Order form",
  deal_desk_exception: "Deal desk exception",
  kickoff_note: "Kickoff note",
  cs_requirement: "CS requirement",
  customer_promise: "Customer promise",
  delivery_owner: "Delivery owner",
  amount: "Deal amount",
};

const isCategory = (c: string): c is Category => (CATEGORIES as readonly string[]).includes(c);
export const isFlagSource = (s: string): s is FlagSource => (FLAG_SOURCES as readonly string[]).includes(s);
/** A category's label; a name the product does not know is shown as it is. */
export const categoryLabel = (c: string): string => (isCategory(c) ? CATEGORY_LABELS[c] : c);
/** A source field's label; a name the product does not know is shown as it is. */
export const sourceLabel = (s: string): string => (isFlagSource(s) ? SOURCE_LABELS[s] : s);

/** What the scorer reads of a packet: its id, its delivery owner and its text parts (the packets table has these). */
export type PacketText = {
  deal_id: string;
  delivery_owner: string | null;
  /** the deal amount as written in the export (absent where only the text parts are scored) */
  amount_text?: string | null;
} & Record<TextSource, string | null>;

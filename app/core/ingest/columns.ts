// What each import kind needs, and how CRM headers map onto it.

export type ImportKind = "handoffs" | "rework" | "reviews";

export interface ColumnSpec {
  name: string;
  required: boolean;
  /** Other headers that mean this column (matched after trimming and case-folding). */
  aliases: string[];
}

const col = (name: string, required: boolean, aliases: string[] = []): ColumnSpec => ({ name, required, aliases });

export const COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  handoffs: [
    // Salesforce API names (Id, Name, CloseDate …) and HubSpot labels. AccountId and OwnerId are ids,
    // not names, so they never map to account_name / account_owner without a hand mapping.
    col("deal_id", true, ["opportunity id", "opportunity id (18)", "opportunity id (15)", "record id", "deal id", "id", "opportunityid", "hs_object_id"]),
    col("account_name", true, ["account name", "company name", "associated company", "account", "company", "customer", "account.name"]),
    col("opportunity_name", false, ["opportunity name", "deal name", "name", "opportunity", "dealname"]),
    col("account_owner", false, ["opportunity owner", "deal owner", "account owner", "owner", "owner name", "owner.name", "hubspot_owner_id (name)"]),
    col("delivery_owner", false, ["delivery owner", "project owner", "delivery lead"]),
    col("implementation_lead", false, ["implementation lead", "implementation manager"]),
    col("close_date", false, ["close date", "closedate", "closed date", "closed won date"]),
    col("kickoff_date", false, ["kickoff date", "kick-off date", "kick off date", "start date", "project start date"]),
    col("amount", false, ["amount", "deal amount", "total contract value", "tcv", "opportunity amount"]),
    col("signed_scope", false, ["signed scope", "sow", "statement of work", "scope"]),
    col("order_form", false, ["order form"]),
    col("deal_desk_exception", false, ["deal desk exception", "deal desk exceptions", "deal desk notes"]),
    col("kickoff_note", false, ["kickoff note", "kickoff notes", "handoff note", "handoff notes", "sales handoff notes"]),
    col("cs_requirement", false, ["cs requirement", "cs requirements", "customer success requirements", "onboarding requirements"]),
    col("customer_promise", false, ["customer promise", "customer promises", "promised outcome"]),
  ],
  rework: [
    col("rework_id", true, ["rework id", "id", "item id", "ticket id"]),
    col("deal_id", true, ["opportunity id", "opportunity id (18)", "record id", "deal id", "deal"]),
    col("logged_on", true, ["logged on", "logged", "date", "created date", "logged date"]),
    col("category", false, ["type", "rework category"]),
    col("description", true, ["details", "summary", "what happened"]),
    col("hours", false, ["effort hours", "hours spent", "effort"]),
    col("kickoff_delay_days", false, ["delay days", "kickoff delay", "slip days"]),
  ],
  reviews: [
    col("flag_id", true, ["flag id", "flag"]),
    col("decision", true, ["status", "review decision"]),
    col("reviewer", true, ["reviewed by", "decided by"]),
    col("reason", false, ["comment", "rejection reason"]),
    col("decided_at", true, ["decided on", "decision date", "reviewed at", "date"]),
  ],
};

const fold = (h: string) => h.replace(/^\uFEFF/, "").trim().toLowerCase();
const squash = (h: string) => fold(h).replace(/[^\p{L}\p{N}]+/gu, "");

export interface HeaderMapping {
  /** column name -> index into the header row */
  columns: Record<string, number>;
  /** headers that mapped to no column: kept as extra data */
  unmapped: string[];
  missingRequired: string[];
}

/**
 * Maps a header row onto the columns of one import kind. Order of preference: a hand mapping
 * (`column=Header`), the exact column name, an alias, then the name without punctuation
 * (`Kickoff-Date` → kickoff_date). Each header is used at most once.
 */
export function mapHeaders(kind: ImportKind, headers: string[], manual: Record<string, string> = {}): HeaderMapping {
  const specs = COLUMNS[kind];
  const used = new Set<number>();
  const columns: Record<string, number> = {};
  const find = (pred: (h: string) => boolean) => headers.findIndex((h, i) => !used.has(i) && pred(h));
  const take = (name: string, i: number) => {
    if (i >= 0 && columns[name] === undefined) {
      columns[name] = i;
      used.add(i);
    }
  };
  for (const [name, header] of Object.entries(manual)) {
    if (!specs.some((s) => s.name === name)) throw new MappingError(`--map names an unknown column "${name}"; columns are: ${specs.map((s) => s.name).join(", ")}`);
    const i = find((h) => fold(h) === fold(header));
    if (i < 0) throw new MappingError(`--map ${name}=${header}: no header "${header}" in the file (found: ${headers.map((h) => fold(h)).join(", ")})`);
    take(name, i);
  }
  for (const s of specs) take(s.name, find((h) => fold(h) === s.name));
  for (const s of specs) for (const a of s.aliases) take(s.name, find((h) => fold(h) === a));
  for (const s of specs) take(s.name, find((h) => squash(h) === squash(s.name)));
  const unmapped = headers.filter((_, i) => !used.has(i) && headers[i].trim() !== "");
  const missingRequired = specs.filter((s) => s.required && columns[s.name] === undefined).map((s) => s.name);
  return { columns, unmapped, missingRequired };
}

export class MappingError extends Error {}

/** Parses repeated `column=Header` options. */
export function parseManualMap(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf("=");
    if (eq <= 0 || eq === p.length - 1) throw new MappingError(`--map wants column=Header, got "${p}"`);
    out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
  }
  return out;
}

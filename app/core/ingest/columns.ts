// What each import kind needs, and how CRM headers map onto it.

export type ImportKind = "handoffs" | "rework" | "reviews";
export const IMPORT_KINDS: ImportKind[] = ["handoffs", "rework", "reviews"];

export interface ColumnSpec {
  name: string;
  required: boolean;
  /** Other headers that mean this column (matched after trimming and case-folding). */
  aliases: string[];
  /** a parsed column (date, amount, number): it reads a header of its own, never one another column reads */
  typed?: boolean;
}

const col = (name: string, required: boolean, aliases: string[] = []): ColumnSpec => ({ name, required, aliases });
const typedCol = (name: string, required: boolean, aliases: string[] = []): ColumnSpec => ({
  name,
  required,
  aliases,
  typed: true,
});

export const COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  handoffs: [
    // Salesforce API names (Id, Name, CloseDate …) and HubSpot labels. AccountId and OwnerId are ids,
    // not names, so they never map to account_name / account_owner without a hand mapping.
    col("deal_id", true, [
      "opportunity id",
      "opportunity id (18)",
      "opportunity id (15)",
      "record id",
      "deal id",
      "id",
      "opportunityid",
      "hs_object_id",
    ]),
    col("account_name", true, [
      "account name",
      "company name",
      "associated company",
      "account",
      "company",
      "customer",
      "account.name",
    ]),
    col("opportunity_name", false, ["opportunity name", "deal name", "name", "opportunity", "dealname"]),
    col("account_owner", false, [
      "opportunity owner",
      "deal owner",
      "account owner",
      "owner",
      "owner name",
      "owner.name",
      "hubspot_owner_id (name)",
    ]),
    col("delivery_owner", false, ["delivery owner", "project owner", "delivery lead"]),
    col("implementation_lead", false, ["implementation lead", "implementation manager"]),
    typedCol("close_date", false, ["close date", "closedate", "closed date", "closed won date"]),
    typedCol("kickoff_date", false, [
      "kickoff date",
      "kick-off date",
      "kick off date",
      "start date",
      "project start date",
    ]),
    typedCol("amount", false, ["amount", "deal amount", "total contract value", "tcv", "opportunity amount"]),
    col("signed_scope", false, ["signed scope", "sow", "statement of work", "scope"]),
    col("order_form", false, ["order form"]),
    col("deal_desk_exception", false, ["deal desk exception", "deal desk exceptions", "deal desk notes"]),
    col("kickoff_note", false, [
      "kickoff note",
      "kickoff notes",
      "handoff note",
      "handoff notes",
      "sales handoff notes",
    ]),
    col("cs_requirement", false, [
      "cs requirement",
      "cs requirements",
      "customer success requirements",
      "onboarding requirements",
    ]),
    col("customer_promise", false, ["customer promise", "customer promises", "promised outcome"]),
  ],
  rework: [
    col("rework_id", true, ["rework id", "id", "item id", "ticket id"]),
    col("deal_id", true, ["opportunity id", "opportunity id (18)", "record id", "deal id", "deal"]),
    typedCol("logged_on", true, ["logged on", "logged", "date", "created date", "logged date"]),
    col("category", false, ["type", "rework category"]),
    col("description", true, ["details", "summary", "what happened"]),
    typedCol("hours", false, ["effort hours", "hours spent", "effort"]),
    typedCol("kickoff_delay_days", false, ["delay days", "kickoff delay", "slip days"]),
  ],
  reviews: [
    col("flag_id", true, ["flag id", "flag"]),
    col("decision", true, ["status", "review decision"]),
    col("reviewer", true, ["reviewed by", "decided by"]),
    col("reason", false, ["comment", "rejection reason"]),
    typedCol("decided_at", true, ["decided on", "decision date", "reviewed at", "date"]),
  ],
};

const fold = (h: string) =>
  h
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();
const squash = (h: string) => fold(h).replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * The display-name headers of CRM exports, by system: a file showing at least two of a profile's headers maps them
 * as the profile says before anything else (headers matched after trimming and case-folding).
 */
export const PROFILES: { name: string; kind: ImportKind; headers: Record<string, string> }[] = [
  {
    name: "salesforce",
    kind: "handoffs",
    headers: {
      "opportunity id": "deal_id",
      "opportunity id (18)": "deal_id",
      "account name": "account_name",
      "opportunity name": "opportunity_name",
      "opportunity owner": "account_owner",
      "close date": "close_date",
      amount: "amount",
    },
  },
  {
    name: "hubspot",
    kind: "handoffs",
    headers: {
      "record id": "deal_id",
      "deal name": "opportunity_name",
      "associated company": "account_name",
      "close date": "close_date",
      "deal owner": "account_owner",
      amount: "amount",
    },
  },
  {
    name: "zoho",
    kind: "handoffs",
    headers: {
      "record id": "deal_id",
      "potential id": "deal_id",
      "deal id": "deal_id",
      "potential name": "opportunity_name",
      "deal name": "opportunity_name",
      "account name": "account_name",
      "closing date": "close_date",
      "potential owner": "account_owner",
      "deal owner": "account_owner",
      amount: "amount",
    },
  },
  {
    name: "dynamics365",
    kind: "handoffs",
    headers: {
      "(do not modify) opportunity": "deal_id",
      topic: "opportunity_name",
      "potential customer": "account_name",
      "est. close date": "close_date",
      "est. revenue": "amount",
      owner: "account_owner",
    },
  },
  {
    name: "pipedrive",
    kind: "handoffs",
    headers: {
      "deal - id": "deal_id",
      "deal - title": "opportunity_name",
      "organization - name": "account_name",
      "deal - expected close date": "close_date",
      "deal - value": "amount",
      "deal - owner": "account_owner",
    },
  },
];

/** The profile whose headers the file shows most (two at least, one of them its own), if any. */
function profileOf(kind: ImportKind, headers: string[]): (typeof PROFILES)[number] | null {
  const folded = new Set(headers.map(fold));
  let best: (typeof PROFILES)[number] | null = null;
  let bestScore = 1;
  for (const p of PROFILES.filter((x) => x.kind === kind)) {
    const score = Object.keys(p.headers).filter((h) => folded.has(h)).length;
    if (score > bestScore) [best, bestScore] = [p, score];
  }
  return best;
}

export interface HeaderMapping {
  /** the CRM profile whose display names mapped first, if the file shows one */
  profile: string | null;
  /** column name -> index into the header row */
  columns: Record<string, number>;
  /** headers that mapped to no column: kept as extra data */
  unmapped: string[];
  missingRequired: string[];
}

/**
 * Maps a header row onto the columns of one import kind. Order of preference: a hand mapping
 * (`column=Header`), the exact column name, an alias, then the name without punctuation
 * (`Kickoff-Date` → kickoff_date). A header maps automatically to one column at most; by hand it may feed several
 * (`deal_id` and `account_name` from "Deal Name" when a file has no account column), and a header mapped by hand
 * still maps automatically to the column it names. A parsed column (a date, an amount, a number) never shares its
 * header: such a mapping is refused, naming the column that already reads it.
 */
export function mapHeaders(kind: ImportKind, headers: string[], manual: Record<string, string> = {}): HeaderMapping {
  const specs = COLUMNS[kind];
  const spec = new Map(specs.map((s) => [s.name, s]));
  /** header index -> the columns reading it, and whether any was mapped automatically */
  const readers = new Map<number, string[]>();
  const auto = new Set<number>();
  const columns: Record<string, number> = {};
  const take = (name: string, i: number) => {
    columns[name] = i;
    readers.set(i, [...(readers.get(i) ?? []), name]);
  };
  const byHand = Object.entries(manual);
  for (const [name, header] of byHand) {
    if (!spec.has(name))
      throw new MappingError(
        `--map names an unknown column "${name}"; columns are: ${specs.map((s) => s.name).join(", ")}`,
      );
    const i = headers.findIndex((h) => fold(h) === fold(header));
    if (i < 0) {
      const near = headers.find((h) => squash(h) === squash(header));
      throw new MappingError(
        `--map ${name}="${header}": the file has no header "${header}"` +
          `${near !== undefined ? ` (did you mean "${near.replace(/^\uFEFF/, "")}"?)` : ""}` +
          `; its headers are: ${headers.map((h) => `"${h.replace(/^\uFEFF/, "")}"`).join(", ")}`,
      );
    }
    const sharing = readers.get(i) ?? [];
    const typed = [name, ...sharing].find((c) => spec.get(c)!.typed);
    if (sharing.length && typed) {
      throw new MappingError(
        `--map ${name}="${header}": "${headers[i].replace(/^\uFEFF/, "")}" is already ` +
          `mapped to ${sharing.join(" and ")}; ${typed} is ${kindOf(typed)} column ` +
          `and reads a header of its own (only name, id and text columns can share ` +
          `a header)`,
      );
    }
    take(name, i);
  }
  // automatic mappings: unmapped columns onto headers no other column reads automatically; a header mapped by hand
  // to text columns may also feed the text column it names (a hand-mapped "Deal Name" stays the opportunity name)
  const free = (name: string, i: number) => {
    if (auto.has(i)) return false;
    const sharing = readers.get(i);
    return !sharing || (!spec.get(name)!.typed && sharing.every((c) => !spec.get(c)!.typed));
  };
  const find = (name: string, pred: (h: string) => boolean) => headers.findIndex((h, i) => free(name, i) && pred(h));
  const takeAuto = (name: string, i: number) => {
    if (i >= 0 && columns[name] === undefined) {
      take(name, i);
      auto.add(i);
    }
  };
  const profile = profileOf(kind, headers);
  if (profile)
    for (const [h, c] of Object.entries(profile.headers))
      if (spec.has(c))
        takeAuto(
          c,
          find(c, (x) => fold(x) === h),
        );
  for (const s of specs)
    takeAuto(
      s.name,
      find(s.name, (h) => fold(h) === s.name),
    );
  for (const s of specs)
    for (const a of s.aliases)
      takeAuto(
        s.name,
        find(s.name, (h) => fold(h) === a),
      );
  for (const s of specs)
    takeAuto(
      s.name,
      find(s.name, (h) => squash(h) === squash(s.name)),
    );
  const used = new Set(readers.keys());
  const unmapped = headers.filter((_, i) => !used.has(i) && headers[i].trim() !== "");
  const missingRequired = specs.filter((s) => s.required && columns[s.name] === undefined).map((s) => s.name);
  return { profile: profile?.name ?? null, columns, unmapped, missingRequired };
}

const kindOf = (column: string) =>
  /date|_on$|_at$/.test(column) ? "a date" : column === "amount" ? "an amount" : "a number";

export class MappingError extends Error {}

/** Parses repeated `column=Header` options; a column mapped twice to different headers is refused. */
export function parseManualMap(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf("=");
    if (eq <= 0 || eq === p.length - 1) throw new MappingError(`--map wants column=Header, got "${p}"`);
    const [column, header] = [
      p.slice(0, eq).trim(),
      p
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, "$1"),
    ];
    if (out[column] !== undefined && fold(out[column]) !== fold(header)) {
      throw new MappingError(
        `--map ${column}="${header}": ${column} is already mapped to "${out[column]}"; map each column once`,
      );
    }
    out[column] = header;
  }
  return out;
}

/**
 * The two columns an error file adds after the file's own (as Salesforce Data Loader's error file does): `line`
 * and `reason`, or `error_line` and `error_reason` when the file already has a header of that name.
 */
export function errorFileColumns(headers: string[]): [line: string, reason: string] {
  const own = new Set(headers.map(fold));
  return own.has("line") || own.has("reason") ? ["error_line", "error_reason"] : ["line", "reason"];
}

/**
 * The header indices of the two columns an error file of ours adds, when the file ends with them: an error file
 * fixed and uploaded again imports its rows, these columns ignored (neither mapped nor kept as extra data).
 */
export function errorColumnsOf(headers: string[]): Set<number> {
  const n = headers.length;
  if (n < 3) return new Set();
  const [line, reason] = errorFileColumns(headers.slice(0, -2));
  return fold(headers[n - 2]) === line && fold(headers[n - 1]) === reason ? new Set([n - 2, n - 1]) : new Set();
}

/** The handoff CSV's columns in the contract's order (FORMATS.md §1): what generated and test files write. */
export const HANDOFF_CSV_COLUMNS: string[] = COLUMNS.handoffs.map((c) => c.name);

// Deterministic generator of realistic handoff packets, rework and (after scoring) review decisions.
// `npx tsx seeds/generate.ts --packets 300 --seed 7 --today 2026-11-24 --out seeds/demo`
// The same seed gives the same files byte for byte; the prose is composed from many independent parts
// (product lines, phrasing variants, people, systems, planted gaps) so no two packets read alike.
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HANDOFF_CSV_COLUMNS } from "../app/core/ingest/columns";

export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
    shuffle: <T>(xs: T[]): T[] => {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}
type R = ReturnType<typeof rng>;

const FIRST = [
  "Priya",
  "Callum",
  "Signe",
  "Dario",
  "Maren",
  "Idris",
  "Bettina",
  "Ross",
  "Leila",
  "Anton",
  "Wren",
  "Oskar",
  "Zainab",
  "Tobias",
  "Mirela",
  "Rachel",
  "Ezra",
  "Lucía",
  "Corinne",
  "Ade",
  "Henrik",
  "Paloma",
  "Ingrid",
  "Kwame",
  "Noor",
  "Felix",
  "Saoirse",
  "Vikram",
  "Hana",
  "Bruno",
];
const LAST = [
  "Raman",
  "Doyle",
  "Strand",
  "Ferrante",
  "Whitlock",
  "Mensah",
  "Kruger",
  "Calloway",
  "Farouk",
  "Novak",
  "Ashby",
  "Lund",
  "Adeyemi",
  "Hartmann",
  "Popescu",
  "Kim",
  "Tillman",
  "Serrano",
  "Dubois",
  "Okonkwo",
  "Berg",
  "Quiroga",
  "Haddad",
  "Asante",
  "Rahimi",
  "Vogel",
  "Byrne",
  "Menon",
  "Takeda",
  "Salgado",
];
const ACCOUNT_A = [
  "Alder",
  "Bramblewood",
  "Coldwater",
  "Dunmore",
  "Elkhorn",
  "Fairhaven",
  "Gullwing",
  "Hollowell",
  "Inkberry",
  "Jasperton",
  "Kestrel",
  "Larchmont",
  "Mossbank",
  "Netherby",
  "Orchard Hill",
  "Pebblestone",
  "Quarry Point",
  "Rookwood",
  "Saltmarsh",
  "Thistledown",
  "Umberfield",
  "Valecrest",
  "Wrenfield",
  "Yarrow",
  "Zephyr Bay",
  "Amberlane",
  "Birchmere",
  "Cobalt Creek",
  "Driftwood",
  "Emberton",
];
const ACCOUNT_B = [
  "Freight",
  "Orthodontics",
  "Family Medicine",
  "Plastics",
  "Federal Credit Union",
  "Home Services",
  "Mutual Insurance",
  "Unified Schools",
  "Inns & Suites",
  "Bakeries",
  "Solar",
  "Apartment Communities",
  "Surveying",
  "Care Homes",
  "Cellars",
  "Metalworks",
  "Urgent Care",
  "Talent Partners",
  "Water District",
  "Avionics",
];
const SUFFIX = ["Inc.", "LLC", "Corp.", "Holdings", "Ltd", "Oy", "S.A.", ""];

interface Deliverable {
  text: (r: R, d: Ctx) => string;
  accept: (r: R, d: Ctx) => string;
  vague: (r: R, d: Ctx) => string;
}
interface Line {
  name: string;
  product: string;
  unit: string;
  price: [number, number];
  priceUnit: string;
  qty: [number, number];
  legacy: string[];
  systems: string[];
  deliverables: Deliverable[];
  extras: string[];
  outcomes: string[];
}
interface Ctx {
  qty: number;
  legacy: string;
  system: string;
  account: string;
}

const D = (text: Deliverable["text"], accept: Deliverable["accept"], vague: Deliverable["vague"]): Deliverable => ({
  text,
  accept,
  vague,
});
const NUMWORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight"];
const count = (r: R, lo: number, hi: number) => {
  const n = r.int(lo, hi);
  return r.chance(0.4) ? `${NUMWORDS[n - 1] ?? n} (${n})` : String(n);
};

const LINES: Line[] = [
  {
    name: "Payroll",
    product: "Ferncastle Payroll",
    unit: "employees",
    price: [8, 13],
    priceUnit: " PEPM",
    qty: [60, 900],
    legacy: ["Paycor", "Paylocity", "Rippling", "a local payroll bureau", "UKG Ready"],
    systems: ["NetSuite", "QuickBooks Online", "Sage Intacct", "Xero"],
    deliverables: [
      D(
        (r) => `Configure pay codes (earnings, deductions, taxes), capped at ${r.int(20, 60)} codes`,
        () => "Acceptance: their payroll admin initials the final code list at the design checkpoint.",
        () => "Pay code configuration, plus any others that come up.",
      ),
      D(
        (r, d) => `Load ${d.qty} current employee records plus year-to-date balances out of ${d.legacy}`,
        () => "Signed off when a side-by-side balance check ties every YTD figure exactly.",
        (r, d) => `Bring over employee history out of ${d.legacy} and wherever else it lives.`,
      ),
      D(
        (r) => `${count(r, 1, 3)} shadow pay cycles alongside the outgoing provider`,
        () => "Passes when no worker's net pay differs by more than one dollar.",
        () => "Shadow cycles until everyone feels confident.",
      ),
      D(
        (r, d) => `Journal-entry file feeding ${d.system}`,
        (r, d) => `Passes when one sample journal posts in ${d.system} untouched.`,
        () => "Accounting export.",
      ),
      D(
        (r) => `Payroll admin coaching: ${count(r, 2, 4)} live online workshops, 90 minutes each`,
        () => "Complete once every workshop has been held and its recording shared.",
        () => "Coaching for whoever needs it.",
      ),
    ],
    extras: [
      "on-demand pay for hourly staff",
      "a fourth shadow cycle",
      "reprints of prior-year tax forms",
      "badge-reader time clocks",
      "benefits sign-up inside the portal",
      "registration in new tax states",
    ],
    outcomes: [
      "the first real pay date closing without an off-cycle fix",
      "the old provider switched off",
      "year-end tax forms issued from a single platform",
    ],
  },
  {
    name: "Quote",
    product: "Ferncastle Quote",
    unit: "users",
    price: [60, 110],
    priceUnit: "/user/mo",
    qty: [15, 300],
    legacy: ["Excel workbooks", "an in-house FileMaker app", "Conga", "Proposify"],
    systems: ["Salesforce", "HubSpot", "Microsoft Dynamics", "NetSuite"],
    deliverables: [
      D(
        (r) => `Catalog load: no more than ${r.int(200, 2000)} SKUs, with their configuration constraints`,
        () => "Signed off once 50 past quotes, re-priced in the new tool, come out to the same totals.",
        () => "Catalog, price logic and so on.",
      ),
      D(
        (r) => `${count(r, 1, 4)} branded proposal layouts`,
        () => "Approved when their marketing lead returns the marked-up PDFs with no open comments.",
        () => "Proposal layouts as the team requests them.",
      ),
      D(
        (r, d) =>
          `Two-way link with ${d.system}: a quote is started from the deal record ` +
          `and a won quote writes back its status`,
        () => "Passes when twenty sample quotes make the round trip cleanly.",
        (r, d) => `Hook up ${d.system} fully.`,
      ),
      D(
        () => "Discount sign-off routing for anything over the deal-desk limit",
        () => "Passes when ten staged quotes each land with the correct approver.",
        () => "Typical approval routing.",
      ),
    ],
    extras: [
      "a reseller self-service site",
      "an offline tablet app",
      "pricing in Canadian dollars",
      "built-in e-signature",
      "French-language proposals",
      "automated renewal quotes",
    ],
    outcomes: [
      "sellers pricing deals on their own, without engineering",
      "one source of truth for quote pricing",
      "every quote visible from the CRM record",
    ],
  },
  {
    name: "Lakehouse",
    product: "Ferncastle Lakehouse",
    unit: "credits",
    price: [3000, 6000],
    priceUnit: "/mo",
    qty: [500000, 2000000],
    legacy: ["a SQL Server warehouse in the server room", "CSV dumps from the ERP", "an aging Teradata box"],
    systems: ["Snowflake", "Salesforce", "NetSuite", "BambooHR", "Okta"],
    deliverables: [
      D(
        (r) => `Data feeds from ${count(r, 2, 5)} source systems, listed by name in Appendix A`,
        () => "Accepted after three loads in a row agree with source-system totals (tolerance 0.5%).",
        () => "Feeds from the relevant systems.",
      ),
      D(
        (r) => `History load covering at most ${r.pick([12, 24, 36])} months`,
        () => "Signed off when each month's totals agree with the old warehouse.",
        () => "History load, as far back as makes sense.",
      ),
      D(
        (r) => `${count(r, 3, 8)} reports, each one specified in Appendix C`,
        () => "Approved when every report matches the client-supplied check workbook within 1%.",
        () => "Leadership reporting.",
      ),
      D(
        (r, d) =>
          `Access control through ${d.system === "Okta" ? "Okta" : "Entra ID"} SSO, ` +
          `with permissions for at most ${r.int(5, 20)} user groups`,
        () => "Passes when sample accounts can open only the data sets they're entitled to.",
        () => "Complete security model.",
      ),
    ],
    extras: [
      "a predictive attrition score",
      "a decade of history",
      "payment-gateway data",
      "sub-minute streaming loads",
      "a searchable metadata catalog",
      "pushing scores back into the CRM",
    ],
    outcomes: [
      "a board pack everyone trusts",
      "the old warehouse shut down",
      "the books closed each month from one model",
    ],
  },
  {
    name: "Campaigns",
    product: "Ferncastle Campaigns",
    unit: "contacts",
    price: [900, 3000],
    priceUnit: "/mo",
    qty: [10000, 200000],
    legacy: ["Mailchimp", "Brevo", "Campaign Monitor", "ActiveCampaign"],
    systems: ["Shopify", "Salesforce", "HubSpot", "WooCommerce"],
    deliverables: [
      D(
        (r, d) => `Move roughly ${d.qty.toLocaleString("en-US")} subscriber profiles across from ${d.legacy}`,
        () => "Accepted once the imported count is within half a percent of the source export.",
        (r, d) => `Subscriber move from ${d.legacy}.`,
      ),
      D(
        (r) => `${count(r, 3, 8)} email layouts that follow the client's brand book`,
        () => "Approved once their brand owner okays the test sends.",
        () => "Email layouts and similar assets.",
      ),
      D(
        () => "Two automated flows: new-subscriber welcome and cart recovery",
        () => "Passes when each flow triggers correctly for the internal test addresses.",
        () => "Automated flows (welcome, cart recovery, and so on).",
      ),
      D(
        (r, d) => `${d.system} feed of orders and buyer records`,
        () => "Complete when a test purchase shows on the subscriber's activity history inside 15 minutes.",
        (r, d) => `${d.system} hookup.`,
      ),
    ],
    extras: [
      "text-message sends",
      "warming a private sending IP",
      "paid-social audience syncs",
      "a subscription-settings page",
      "point-of-sale loyalty points",
    ],
    outcomes: [
      "campaigns sending ahead of the holiday rush",
      "a single subscriber list",
      "renewal reminders that run themselves",
    ],
  },
  {
    name: "Field",
    product: "Ferncastle Field",
    unit: "field users",
    price: [40, 70],
    priceUnit: "/user/mo",
    qty: [20, 250],
    legacy: ["Housecall Pro", "FieldEdge", "printed run sheets", "a shared calendar"],
    systems: ["QuickBooks Online", "Xero", "HubSpot", "Sage 300"],
    deliverables: [
      D(
        (r) => `Scheduling configured across ${count(r, 2, 5)} service territories`,
        () => "Accepted when ten sample jobs in each territory book onto a free technician.",
        () => "Scheduling for every territory.",
      ),
      D(
        (r, d) => `Phone app roll-out to the ${d.qty} licensed field users`,
        () => "Accepted once nine in ten crew leads have closed out a real job on their phone.",
        () => "Phone app roll-out to techs where needed.",
      ),
      D(
        (r, d) => `Finished jobs pushed to ${d.system} as draft invoices`,
        () => "Passes when 50 jobs in a row produce draft invoices that agree line for line.",
        (r, d) => `${d.system} link.`,
      ),
      D(
        () => "Hypercare lasting ten business days from launch",
        () => "",
        () => "Hypercare and support afterwards, ongoing.",
      ),
    ],
    extras: [
      "a self-service booking page for homeowners",
      "job status pushed back to the CRM",
      "automatic route planning",
      "a link to their billing platform",
      "electronic visit verification in another state",
    ],
    outcomes: [
      "every crew working from one schedule",
      "invoices going out the day the job closes",
      "an end to double-booked technicians",
    ],
  },
  {
    name: "Learning",
    product: "Ferncastle Learning",
    unit: "learners",
    price: [18, 35],
    priceUnit: "/learner/yr",
    qty: [100, 2500],
    legacy: ["Docebo", "Moodle", "a shared drive of PDFs", "Absorb"],
    systems: ["UKG Pro", "Workday", "Paycom", "BambooHR"],
    deliverables: [
      D(
        (r) => `Portal build, with staff logging in via ${r.pick(["Entra ID", "Google Workspace", "OneLogin"])} SSO`,
        () => "Accepted when five named pilot users log in and arrive in the correct department.",
        () => "Portal build and SSO.",
      ),
      D(
        (r) => `Migration of ${r.int(20, 120)} courses from the current library`,
        () => "Accepted when every migrated course opens and logs a finish.",
        () => "Migration of whatever content they have today.",
      ),
      D(
        (r, d) => `Nightly people feed from ${d.system}`,
        () => "Accepted after five nightly feeds in a row run error-free.",
        (r, d) => `${d.system} hookup.`,
      ),
      D(
        () => "Compliance view broken down by site and job role",
        () => "Accepted when one site's numbers agree with a hand tally.",
        () => "Compliance reports.",
      ),
    ],
    extras: [
      "Spanish translations of every course",
      "courses for their students",
      "a bespoke new-hire course",
      "QR-coded certificates",
      "a kiosk app for the break room",
    ],
    outcomes: [
      "training records ready for any audit",
      "all staff certified ahead of survey season",
      "compliance tracked in one place",
    ],
  },
];

const CONCESSIONS = [
  (r: R) => `said we'd drop the $${r.pick([1500, 2500, 4000])} rush fee because they signed this quarter`,
  () => "we're covering flights and hotel for the onsite workshop ourselves",
  (r: R) => `knocked ${r.pick([10, 15, 20])}% off services on the call so they'd sign`,
  () => "threw in a bonus admin workshop, no charge",
  () => "promised renewal pricing stays flat next year",
  (r: R) => `agreed to ${r.pick(["one", "two", "three"])} months of subscription credit if we slip the go-live`,
];
const TIMELINES = [
  (r: R) =>
    `they insist on being live no later than ${r.pick([
      "April 1",
      "7/15",
      "Labor Day",
      "October 1",
      "quarter end",
      "Q3",
    ])}`,
  (r: R) =>
    `CFO wants this finished before the ${r.pick([
      "March board meeting",
      "annual audit",
      "benefits enrollment window",
      "holiday season",
      "contract renewal",
    ])}`,
  (r: R) => `I said ${r.pick(["six weeks", "30 days", "two sprints"])} after signature is doable`,
  (r: R) =>
    `launch must happen before ${r.pick([
      "Black Friday",
      "their fiscal year closes",
      "classes start in August",
      "the state inspection",
    ])}`,
];
const CONTEXT = [
  "Day-to-day champion is {p} ({role}); expect lots of questions.",
  "We beat two competitors in a bake-off that ran until the final week.",
  "{p} ({role}) has final say; {p2} handles the details.",
  "The {role} makes the call and will read every line of the SOW.",
  "Friendly team, quick to reply, and their data is already tidy.",
  "Could become a reference account for us in that market if it goes smoothly.",
];
const ROLES = ["CFO", "COO", "IT Director", "Ops VP", "Controller", "HR lead", "Marketing Manager", "Office Manager"];
const REJECT_REASONS = [
  "The appendix we already hold covers this.",
  "Client agreed this sits outside the deal; nothing to do.",
  "Delivery signed up to this date already.",
  "Normal wording for this product.",
  "The project plan names the owner.",
];

export interface GenOptions {
  packets: number;
  seed: number;
  today: string;
  out: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86400000);
const csv = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes handoffs.csv and rework.csv; returns counts. Streams rows, so 100,000 packets stay in little memory. */
export async function generate(o: GenOptions): Promise<{ packets: number; rework: number; bytes: number }> {
  const r = rng(o.seed);
  mkdirSync(o.out, { recursive: true });
  const today = new Date(`${o.today}T00:00:00Z`);
  const hand = createWriteStream(path.join(o.out, "handoffs.csv"));
  const rw = createWriteStream(path.join(o.out, "rework.csv"));
  const cols = HANDOFF_CSV_COLUMNS;
  hand.write(cols.join(",") + "\n");
  rw.write("rework_id,deal_id,logged_on,category,description,hours,kickoff_delay_days\n");
  const sellers = Array.from({ length: 8 }, (_, i) => `${FIRST[i]} ${LAST[i]}`);
  const delivery = Array.from({ length: 10 }, (_, i) => `${FIRST[i + 10]} ${LAST[i + 10]}`);
  const leads = Array.from({ length: 4 }, (_, i) => `${FIRST[i + 20]} ${LAST[i + 20]}`);
  let bytes = 0;
  let reworkN = 0;
  const pilotStart = addDays(today, -60);
  for (let i = 0; i < o.packets; i++) {
    const line = r.pick(LINES);
    const account =
      `${r.pick(ACCOUNT_A)} ${r.pick(ACCOUNT_B)} ${r.pick(SUFFIX)}`.trim() + (o.packets > 2000 ? ` ${i}` : "");
    const kickoff = addDays(today, -r.int(-30, 270));
    const close = addDays(kickoff, -r.int(10, 40));
    const qty = Math.round(r.int(line.qty[0], line.qty[1]) / 5) * 5;
    const ctx: Ctx = { qty, legacy: r.pick(line.legacy), system: r.pick(line.systems), account };
    const inPilot = kickoff >= pilotStart;
    const issues = new Set<string>();
    const issueRate = inPilot ? 0.3 : 0.45;
    // the SOW
    const dels = r.shuffle(line.deliverables).slice(0, r.int(3, line.deliverables.length));
    const style = r.pick(["numbered", "D", "bullets", "prose"] as const);
    const sow: string[] = [
      r.pick([
        `${line.product} for ${account}: Services Description`,
        `${line.name} Launch Package (fixed scope)`,
        `SOW-${1000 + i}: ${line.product} for ${account}`,
        `Work Order, ${line.name} deployment for ${account}`,
      ]),
    ];
    if (style !== "prose") sow.push(r.pick(["Deliverables:", "2. Services", "Work items:"]));
    dels.forEach((d, k) => {
      const vague = r.chance(issueRate / 2);
      const noAccept = r.chance(issueRate / 2) || vague;
      if (vague) issues.add("ambiguous_deliverable");
      if (noAccept) issues.add("missing_acceptance_criteria");
      const raw = vague ? d.vague(r, ctx) : `${d.text(r, ctx)}.`;
      const body = raw[0].toUpperCase() + raw.slice(1);
      const acc = noAccept ? "" : d.accept(r, ctx);
      const marker = style === "numbered" ? `${k + 1}.` : style === "D" ? `D${k + 1}` : style === "bullets" ? "-" : "";
      sow.push(`${marker ? marker + " " : ""}${body}${acc ? " " + acc : ""}`.trim());
    });
    const approved = r.chance(0.55);
    const live = addDays(kickoff, r.int(35, 90));
    const md = (d: Date) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
    sow.push(
      approved
        ? `Schedule: confirmed by the delivery team (${r.pick(delivery)}) on ${md(addDays(kickoff, -7))}; ` +
            `kickoff ${md(kickoff)}, production cutover ${md(live)}/${live.getUTCFullYear()}.`
        : r.pick([
            "Schedule: dates to be worked out together during kickoff.",
            "Timeline: any dates here are estimates until design wraps up.",
          ]),
    );
    sow.push(
      r.pick([
        "Fees: see Order Form.",
        "Pricing: fixed; see Order Form.",
        "Change control: anything beyond this document needs a signed change request.",
      ]),
    );
    // order form
    const price = r.int(line.price[0], line.price[1]);
    const term = r.pick([12, 24, 36]);
    const impl = r.int(8, 60) * 1000;
    const order = [
      `${term}-month subscription, ${line.product}: ${qty.toLocaleString("en-US")} ` +
        `${line.unit} at $${price}${line.priceUnit}`,
      `Professional services, fixed price: $${impl.toLocaleString("en-US")}`,
    ];
    let desk = r.pick(["None", "N/A", "None", ""]);
    if (r.chance(0.25)) {
      const pct = r.pick([5, 10, 15]);
      desk = `Deal desk DD-${1000 + i}, approved ${md(close)}: ${pct}% off professional services.`;
      if (r.chance(0.7)) order.push(`Deal-desk discount: ${pct}% off professional services`);
      else issues.add("scope_exception");
    }
    // the seller's note
    const pp = () => `${r.pick(FIRST)} ${r.pick(LAST).slice(0, 1)}.`;
    const note: string[] = [
      r.pick(CONTEXT).replace("{p}", pp()).replace("{p2}", pp()).replace("{role}", r.pick(ROLES)),
    ];
    if (r.chance(issueRate)) {
      note.push(r.pick(TIMELINES)(r));
      if (!approved) issues.add("timeline_assumption");
    }
    if (r.chance(issueRate * 0.7)) {
      note.push(r.pick(CONCESSIONS)(r));
      issues.add("scope_exception");
    }
    if (r.chance(issueRate)) {
      note.push(
        `${r.pick([
          "I offered to configure",
          "the client brought up",
          "I agreed to",
          "they're expecting us to include",
        ])} ` + `${r.pick(line.extras)}${r.chance(0.5) ? " (I called it a small add-on)" : ""}`,
      );
      issues.add("promise_not_in_scope");
    }
    if (r.chance(issueRate * 0.7)) {
      note.push(`actual count today is ~${Math.round(qty * (1 + r.int(10, 40) / 100))} ${line.unit}`);
      issues.add("conflicting_terms");
    }
    const noteText = r.chance(0.5) ? note.map((n) => `- ${n}`).join("\n") : note.join(". ").replace(/\.\./g, ".") + ".";
    // customer success and ownership
    const owner = r.chance(inPilot ? 0.05 : 0.12) ? r.pick(["", " ", "TBD"]) : r.pick(delivery);
    if (!owner.trim() || owner === "TBD") issues.add("unowned_requirement");
    const csm = `CSM ${r.pick(FIRST)} ${r.pick(LAST)}`;
    const cs: string[] = [
      `${r.pick(["Quarterly exec check-in", "Monthly account review", "Usage review 60 days after launch"])} ` +
        `(owned by ${csm}).`,
    ];
    if (r.chance(issueRate / 2)) {
      cs.push(
        `${r.pick([
          "Named escalation point during go-live week",
          "Scrubbing duplicate records ahead of the migration",
          "Handover of admin duties to the customer",
        ])} ` + `(owner: ${r.pick(["TBD", "??", "unassigned"])})`,
      );
      issues.add("unowned_requirement");
    }
    const outcome = r.pick(line.outcomes);
    const promise =
      `${outcome[0].toUpperCase()}${outcome.slice(1)}` +
      `${r.chance(0.4) ? `, including ${r.pick(line.extras)}` : ""}.`;
    const seller = r.pick(sellers);
    const row = [
      `006Dm${String(100000000 + i * 7919).slice(-9)}${o.seed}`,
      account,
      `${account} – ${line.name} implementation`,
      seller,
      owner,
      r.pick(leads),
      r.chance(0.15) ? `${close.getUTCMonth() + 1}/${close.getUTCDate()}/${close.getUTCFullYear()}` : iso(close),
      iso(kickoff),
      r.chance(0.5) ? `$${(impl + price * qty).toLocaleString("en-US")}.00` : String(impl + price * qty),
      sow.join("\n"),
      order.join("\n"),
      desk,
      noteText,
      r.chance(0.06) ? "" : cs.join("\n"),
      promise,
    ];
    const text = row.map(csv).join(",") + "\n";
    bytes += Buffer.byteLength(text);
    if (!hand.write(text)) await new Promise<void>((res) => hand.once("drain", () => res()));
    // post-kickoff rework follows the planted gaps (less often once the pilot reviews catch them)
    const logRework = (loggedOn: string, category: string, description: string, hours: number, delay: number) => {
      reworkN++;
      rw.write([`RW-${o.seed}-${reworkN}`, row[0], loggedOn, category, description, hours, delay].join(",") + "\n");
    };
    if (kickoff < today) {
      for (const cat of issues) {
        if (!r.chance(inPilot ? 0.3 : 0.55)) continue;
        const logged = addDays(kickoff, r.int(1, 25));
        if (logged > today) continue;
        logRework(
          iso(logged),
          cat,
          csv(
            `${cat.replace(/_/g, " ")}: ${r.pick([
              "had to renegotiate scope with the client",
              "cost two unplanned workshops before it was settled",
              "raised a change request",
              "rebuilt once the client rejected the first version",
            ])}`,
          ),
          r.int(2, 30),
          r.chance(0.35) ? r.int(1, 14) : 0,
        );
      }
      if (r.chance(0.12)) {
        logRework(
          iso(addDays(kickoff, r.int(2, 12))),
          r.pick(["client-requested change", "vendor platform change", "staffing"]),
          "Work added after kickoff that nobody planned for",
          r.int(2, 12),
          0,
        );
      }
    }
  }
  await Promise.all([
    new Promise<void>((res) => hand.end(() => res())),
    new Promise<void>((res) => rw.end(() => res())),
  ]);
  const { writeFileSync } = await import("node:fs");
  writeFileSync(
    path.join(o.out, "meta.json"),
    JSON.stringify({ seed: o.seed, packets: o.packets, today: o.today, pilot_start: iso(pilotStart) }, null, 2) + "\n",
  );
  return { packets: o.packets, rework: reworkN, bytes };
}

export { REJECT_REASONS };

const USAGE =
  "usage: npx tsx seeds/generate.ts [--packets 300] [--seed 7] [--today YYYY-MM-DD] [--out seeds/demo]\n" +
  "Writes handoffs.csv, rework.csv and meta.json; the same options give the same files byte for byte.";

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && process.argv.includes("--help")) console.log(USAGE);
else if (isMain) {
  const arg = (n: string, d: string) => {
    const i = process.argv.indexOf(`--${n}`);
    return i > 0 ? process.argv[i + 1] : d;
  };
  const o: GenOptions = {
    packets: Number(arg("packets", "300")),
    seed: Number(arg("seed", "7")),
    today: arg("today", new Date().toISOString().slice(0, 10)),
    out: arg("out", "seeds/demo"),
  };
  generate(o).then((s) =>
    console.log(
      `wrote ${s.packets} packets (${(s.bytes / 1048576).toFixed(1)} MB) and ${s.rework} rework items to ${o.out}`,
    ),
  );
}

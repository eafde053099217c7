// Deterministic generator of realistic handoff packets, rework and (after scoring) review decisions.
// `npx tsx seeds/generate.ts --packets 300 --seed 7 --today 2026-11-24 --out seeds/demo`
// The same seed gives the same files byte for byte; the prose is composed from many independent parts
// (product lines, phrasing variants, people, systems, planted gaps) so no two packets read alike.
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

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

const FIRST = ["Priya", "Jordan", "Marit", "Luis", "Hannah", "Omar", "Tara", "Greg", "Nadia", "Chris", "Elena", "Sam", "Fatima", "Jamal", "Olivia", "Rachel", "Devon", "Mateo", "Karen", "Aisha", "Tomás", "Renée", "Ingrid", "Kofi", "Yuki", "Sven", "Lena", "Ravi", "Ana", "Noah"];
const LAST = ["Raman", "Pike", "Aasen", "Ortega", "Brooks", "Castillo", "Nguyen", "Tan", "Petrov", "Albers", "Vasquez", "Ochieng", "Sesay", "Reed", "Marchetti", "Kim", "Hale", "Ruiz", "Liu", "Bello", "Okafor", "Lindqvist", "Haddad", "Moreau", "Sato", "Kowalski", "Brennan", "Iyer", "Costa", "Fischer"];
const ACCOUNT_A = ["Harbor", "Summit", "Cedar", "Northwind", "Blue Ridge", "Granite", "Silverline", "Oakmont", "Riverside", "Lakeshore", "Ironwood", "Prairie", "Copperfield", "Westbrook", "Highland", "Maple Grove", "Sterling", "Bayview", "Redstone", "Evergreen", "Foxhollow", "Kingsport", "Windward", "Ashford", "Brightwater", "Juniper", "Stonebridge", "Clearview", "Meadowlark", "Pinecrest"];
const ACCOUNT_B = ["Logistics", "Dental Group", "Health Partners", "Manufacturing", "Credit Union", "Roofing", "Insurance Agency", "School District", "Hotels", "Foods", "Energy", "Property Management", "Engineering", "Senior Living", "Wines", "Fabrication", "Clinics", "Staffing", "Utilities", "Aerospace"];
const SUFFIX = ["Inc.", "LLC", "Co.", "Group", "Ltd", "AB", "GmbH", ""];

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

const D = (text: Deliverable["text"], accept: Deliverable["accept"], vague: Deliverable["vague"]): Deliverable => ({ text, accept, vague });
const NUMWORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight"];
const count = (r: R, lo: number, hi: number) => {
  const n = r.int(lo, hi);
  return r.chance(0.4) ? `${NUMWORDS[n - 1] ?? n} (${n})` : String(n);
};

const LINES: Line[] = [
  {
    name: "Payroll", product: "Tallowmere Payroll", unit: "employees", price: [8, 13], priceUnit: " PEPM", qty: [60, 900],
    legacy: ["ADP Workforce Now", "Paylocity", "Paychex Flex", "Gusto", "UKG Ready"], systems: ["NetSuite", "QuickBooks Online", "Sage Intacct", "Dynamics 365"],
    deliverables: [
      D((r) => `Earnings, deduction and tax setup for up to ${r.int(20, 60)} codes`, () => "Accepted when Customer signs off the code table in the configuration review.", () => "Earnings and deduction setup as needed."),
      D((r, d) => `Employee data conversion from ${d.legacy} (${d.qty} active employees and YTD balances)`, () => "Accepted when the reconciliation report shows every record loaded and YTD totals match to the cent.", (r, d) => `Employee data conversion from ${d.legacy} and other legacy sources.`),
      D((r) => `${count(r, 1, 3)} parallel payroll runs`, () => "Accepted when net pay variance is within $1.00 per employee.", () => "Parallel runs until the customer is comfortable."),
      D((r, d) => `General ledger export to ${d.system}`, (r, d) => `Accepted when a test journal imports into ${d.system} without manual edits.`, () => "General ledger export."),
      D((r) => `Administrator training: ${count(r, 2, 4)} remote sessions of 90 minutes`, () => "Complete when the sessions are delivered and recorded.", () => "Administrator training for relevant staff."),
    ],
    extras: ["earned wage access", "a third parallel", "historical W-2 reprints", "a time-clock rollout", "benefits enrollment in the app", "multi-state tax registration"],
    outcomes: ["first live payroll without a correction run", "payroll off the legacy provider", "W-2s out of one system"],
  },
  {
    name: "Quote", product: "Tallowmere Quote", unit: "users", price: [60, 110], priceUnit: "/user/mo", qty: [15, 300],
    legacy: ["spreadsheets", "a homegrown Access tool", "Salesforce CPQ", "PandaDoc"], systems: ["Salesforce", "HubSpot", "SAP S/4HANA", "NetSuite"],
    deliverables: [
      D((r) => `Product catalog with up to ${r.int(200, 2000)} SKUs and their option rules`, () => "Accepted when 50 historical quotes reproduce identical prices.", () => "Product catalog configuration, pricing rules, etc."),
      D((r) => `${count(r, 1, 4)} quote document templates`, () => "Accepted when Customer approves the proofs.", () => "Quote templates as required."),
      D((r, d) => `${d.system} integration: opportunities create quotes and accepted quotes update the opportunity`, () => "Accepted when 20 test quotes round-trip without errors.", (r, d) => `${d.system} integration.`),
      D(() => "Approval workflow for discounts above the deal-desk threshold", () => "Accepted when 10 test quotes route to the right approver.", () => "Standard approval workflows."),
    ],
    extras: ["a distributor portal", "quoting on iPads", "a second currency", "e-signature", "Italian quote documents", "a renewal quoting flow"],
    outcomes: ["reps quoting without waiting on estimators", "accurate quotes in one system", "quotes synced to the CRM"],
  },
  {
    name: "DataFabric", product: "Tallowmere DataFabric", unit: "credits", price: [3000, 6000], priceUnit: "/mo", qty: [500000, 2000000],
    legacy: ["an on-prem SQL Server mart", "Excel extracts", "a Redshift cluster"], systems: ["Snowflake", "Salesforce", "NetSuite", "Workday", "Okta"],
    deliverables: [
      D((r) => `Ingestion pipelines for exactly ${count(r, 2, 5)} named sources`, () => "Accepted when three consecutive loads reconcile to source within 0.5%.", () => "Ingestion pipelines for relevant sources."),
      D((r) => `Historical backfill of up to ${r.pick([12, 24, 36])} months`, () => "Accepted when monthly totals match the legacy mart.", () => "Historical backfill as appropriate."),
      D((r) => `${count(r, 3, 8)} dashboards named in Appendix B`, () => "Accepted when each dashboard matches the validation workbook within 1%.", () => "Executive dashboards."),
      D((r, d) => `SSO through ${d.system === "Okta" ? "Okta" : "Azure AD"} with role-based access for up to ${r.int(5, 20)} groups`, () => "Accepted when test users see only their permitted datasets.", () => "Full access control setup."),
    ],
    extras: ["a churn model", "seven years of history", "card-processor data", "real-time streaming", "a data catalog", "reverse ETL to the CRM"],
    outcomes: ["one trusted view for the board deck", "the legacy mart retired", "finance closing from one model"],
  },
  {
    name: "Reach", product: "Tallowmere Reach", unit: "contacts", price: [900, 3000], priceUnit: "/mo", qty: [10000, 200000],
    legacy: ["Mailchimp", "Klaviyo", "Dotdigital", "Constant Contact"], systems: ["Shopify", "Salesforce", "HubSpot", "AMS360"],
    deliverables: [
      D((r, d) => `Contact migration from ${d.legacy} (approx. ${d.qty.toLocaleString("en-US")} profiles)`, () => "Accepted when counts match the export within 0.5%.", (r, d) => `Migrate contacts from ${d.legacy}.`),
      D((r) => `${count(r, 3, 8)} email templates from the brand guide`, () => "Accepted when Customer approves the proofs.", () => "Email templates, etc."),
      D(() => "Welcome and abandoned-cart journeys", () => "Accepted when each journey sends correctly to the seed list.", () => "Set up automations (welcome series, abandoned cart, etc.)"),
      D((r, d) => `${d.system} connector for orders and customer records`, () => "Complete when test orders appear on the contact timeline within 15 minutes.", (r, d) => `${d.system} integration.`),
    ],
    extras: ["SMS campaigns", "a dedicated IP warm-up", "Google Ads audiences", "a preference center", "loyalty data from the tills"],
    outcomes: ["campaigns running before the holiday push", "one list instead of three", "automated renewals"],
  },
  {
    name: "Dispatch", product: "Tallowmere Dispatch", unit: "field users", price: [40, 70], priceUnit: "/user/mo", qty: [20, 250],
    legacy: ["Jobber", "ServiceTitan", "paper schedules", "a whiteboard"], systems: ["QuickBooks Online", "HubSpot", "Sandata", "SAP"],
    deliverables: [
      D((r) => `Scheduling for ${count(r, 2, 5)} service regions`, () => "Accepted when 10 test visits per region schedule to an available technician.", () => "Scheduling for all regions."),
      D(() => "Mobile app rollout to field crews", () => "Accepted when 90% of crew leads complete a job in the app.", () => "Mobile rollout to crews as needed."),
      D((r, d) => `${d.system} sync of completed jobs to invoices`, () => "Accepted when 50 consecutive jobs create matching draft invoices.", (r, d) => `${d.system} integration`),
      D(() => "Hypercare: two weeks after go-live, ending on the last business day of week 2", () => "", () => "Hypercare and ongoing support."),
    ],
    extras: ["a customer portal", "status updates back into the CRM", "route optimization", "a billing-system connection", "EVV for a second state"],
    outcomes: ["crews scheduling out of one app", "invoices the same day", "no more double booking"],
  },
  {
    name: "Academy", product: "Tallowmere Academy", unit: "learners", price: [18, 35], priceUnit: "/learner/yr", qty: [100, 2500],
    legacy: ["SumTotal", "Cornerstone", "spreadsheets", "TalentLMS"], systems: ["UKG Pro", "Workday", "PowerSchool", "BambooHR"],
    deliverables: [
      D((r, d) => `Tenant setup and SSO via ${r.pick(["Azure AD", "Google Workspace", "Okta"])}`, () => "Accepted when 5 named test users sign in and land in the right org unit.", () => "Tenant setup and SSO."),
      D((r) => `Conversion of ${r.int(20, 120)} existing courses`, () => "Accepted when each course launches and records a completion.", () => "Conversion of existing content."),
      D((r, d) => `HRIS feed from ${d.system}, daily`, () => "Accepted on five consecutive daily feeds with zero errors.", (r, d) => `${d.system} integration.`),
      D(() => "Compliance dashboard by location and role", () => "Accepted when figures match a manual count for one location.", () => "Compliance reporting."),
    ],
    extras: ["Spanish versions of the content", "student-facing courses", "a custom onboarding course", "certificates with QR codes", "an LMS app for kiosks"],
    outcomes: ["audit-ready training records", "everyone trained before the survey season", "one place for compliance"],
  },
];

const CONCESSIONS = [
  (r: R) => `told them we'd waive the $${r.pick([1500, 2500, 4000])} expedite fee since they signed before quarter end`,
  () => "we'd eat the travel for the on-site workshop",
  (r: R) => `gave ${r.pick([10, 15, 20])}% off the implementation fee verbally to get it over the line`,
  () => "promised an extra training session at no cost",
  () => "said we'd hold this year's price at renewal",
  (r: R) => `if we miss the date I told them we'd credit ${r.pick(["one", "two", "three"])} months of subscription`,
];
const TIMELINES = [
  (r: R) => `they need to be live by ${r.pick(["March 1", "6/30", "Labor Day", "the end of September", "EOQ", "Q3"])}, no slip possible`,
  (r: R) => `CFO wants it done before the ${r.pick(["board meeting", "audit", "open enrollment", "holiday season", "renewal"])}`,
  (r: R) => `I told them ${r.pick(["six weeks", "30 days", "two sprints"])} from signature is realistic`,
  (r: R) => `go-live has to land before ${r.pick(["Black Friday", "the fiscal year end", "the school year starts", "the inspection"])}`,
];
const CONTEXT = [
  "Main contact is {p} ({role}), very detail oriented.",
  "They were comparing us against two other vendors until the last week.",
  "{p} ({role}) signs off; day-to-day contact is {p2}.",
  "Decision maker is the {role}; expect scrutiny on every deliverable.",
  "Good group, responsive, they already cleaned up their data.",
  "Reference-able if this goes well: first customer in their region.",
];
const ROLES = ["CFO", "COO", "IT Director", "Ops VP", "Controller", "HR lead", "Marketing Manager", "Office Manager"];
const REJECT_REASONS = ["Covered in the SOW appendix we already have.", "Customer confirmed this is out of scope; no action.", "Delivery already agreed this date.", "Wording is standard for this product line.", "Owner named in the project plan."];

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
  const cols = ["deal_id", "account_name", "opportunity_name", "account_owner", "delivery_owner", "implementation_lead", "close_date", "kickoff_date", "amount", "signed_scope", "order_form", "deal_desk_exception", "kickoff_note", "cs_requirement", "customer_promise"];
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
    const account = `${r.pick(ACCOUNT_A)} ${r.pick(ACCOUNT_B)} ${r.pick(SUFFIX)}`.trim() + (o.packets > 2000 ? ` ${i}` : "");
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
    const sow: string[] = [r.pick([`STATEMENT OF WORK — ${line.product} for ${account}`, `${line.name} QuickStart (fixed scope)`, `SOW-${1000 + i} — ${line.product} implementation`, `Scope of Services – ${line.name} for ${account}`])];
    if (style !== "prose") sow.push(r.pick(["Deliverables.", "2. Deliverables", "Scope of work:"]));
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
    sow.push(approved ? `Schedule approved by Delivery (${r.pick(delivery)}) on ${md(addDays(kickoff, -7))}: kickoff ${md(kickoff)}; go-live ${md(live)}/${live.getUTCFullYear()}.` : r.pick(["Project schedule: to be agreed at kickoff.", "Timeline is indicative and will be confirmed in the design phase."]));
    sow.push(r.pick(["Fees per the Order Form.", "Fixed fee as per the Order Form.", "Work outside this SOW requires a change order."]));
    // order form
    const price = r.int(line.price[0], line.price[1]);
    const term = r.pick([12, 24, 36]);
    const impl = r.int(8, 60) * 1000;
    const order = [`${line.product} — ${qty.toLocaleString("en-US")} ${line.unit} @ $${price}${line.priceUnit} — ${term}-month term`, `Implementation services (fixed fee) — $${impl.toLocaleString("en-US")}`];
    let desk = r.pick(["None", "N/A", "None", ""]);
    if (r.chance(0.25)) {
      const pct = r.pick([5, 10, 15]);
      desk = `Approved ${md(close)} (DD-${1000 + i}): ${pct}% discount on the implementation fee.`;
      if (r.chance(0.7)) order.push(`Less ${pct}% deal-desk discount on implementation`);
      else issues.add("scope_exception");
    }
    // the seller's note
    const pp = () => `${r.pick(FIRST)} ${r.pick(LAST).slice(0, 1)}.`;
    const note: string[] = [r.pick(CONTEXT).replace("{p}", pp()).replace("{p2}", pp()).replace("{role}", r.pick(ROLES))];
    if (r.chance(issueRate)) {
      note.push(r.pick(TIMELINES)(r));
      if (!approved) issues.add("timeline_assumption");
    }
    if (r.chance(issueRate * 0.7)) {
      note.push(r.pick(CONCESSIONS)(r));
      issues.add("scope_exception");
    }
    if (r.chance(issueRate)) {
      note.push(`${r.pick(["I told them we'd also set up", "they asked for", "I said yes to", "customer assumes we include"])} ${r.pick(line.extras)}${r.chance(0.5) ? " — I said it's easy to add" : ""}`);
      issues.add("promise_not_in_scope");
    }
    if (r.chance(issueRate * 0.7)) {
      note.push(`they have ~${Math.round(qty * (1 + r.int(10, 40) / 100))} ${line.unit} now`);
      issues.add("conflicting_terms");
    }
    const noteText = r.chance(0.5) ? note.map((n) => `- ${n}`).join("\n") : note.join(". ").replace(/\.\./g, ".") + ".";
    // customer success and ownership
    const owner = r.chance(inPilot ? 0.05 : 0.12) ? r.pick(["", " ", "TBD"]) : r.pick(delivery);
    if (!owner.trim() || owner === "TBD") issues.add("unowned_requirement");
    const csm = `CSM ${r.pick(FIRST)} ${r.pick(LAST)}`;
    const cs: string[] = [`${r.pick(["Quarterly business review", "Monthly health check", "Adoption review at day 60"])} — owner: ${csm}.`];
    if (r.chance(issueRate / 2)) {
      cs.push(`${r.pick(["Escalation contact for launch week", "Data cleanup before migration", "Admin handover plan"])} — owner: ${r.pick(["TBD", "??", "not assigned"])}`);
      issues.add("unowned_requirement");
    }
    const outcome = r.pick(line.outcomes);
    const promise = `${outcome[0].toUpperCase()}${outcome.slice(1)}${r.chance(0.4) ? `, with ${r.pick(line.extras)}` : ""}.`;
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
    if (kickoff < today) {
      for (const cat of issues) {
        if (!r.chance(inPilot ? 0.3 : 0.55)) continue;
        const logged = addDays(kickoff, r.int(1, 25));
        if (logged > today) continue;
        reworkN++;
        rw.write([`RW-${o.seed}-${reworkN}`, row[0], iso(logged), cat, csv(`${cat.replace(/_/g, " ")}: ${r.pick(["rescoped with the customer", "two extra workshops to settle it", "change order drafted", "rebuilt after sign-off was refused"])}`), r.int(2, 30), r.chance(0.35) ? r.int(1, 14) : 0].join(",") + "\n");
      }
      if (r.chance(0.12)) {
        reworkN++;
        rw.write([`RW-${o.seed}-${reworkN}`, row[0], iso(addDays(kickoff, r.int(2, 12))), r.pick(["customer change request", "third-party change", "capacity"]), "Unplanned change after kickoff", r.int(2, 12), 0].join(",") + "\n");
      }
    }
  }
  await Promise.all([new Promise<void>((res) => hand.end(() => res())), new Promise<void>((res) => rw.end(() => res()))]);
  const { writeFileSync } = await import("node:fs");
  writeFileSync(path.join(o.out, "meta.json"), JSON.stringify({ seed: o.seed, packets: o.packets, today: o.today, pilot_start: iso(pilotStart) }, null, 2) + "\n");
  return { packets: o.packets, rework: reworkN, bytes };
}

export { REJECT_REASONS };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (n: string, d: string) => {
    const i = process.argv.indexOf(`--${n}`);
    return i > 0 ? process.argv[i + 1] : d;
  };
  const o: GenOptions = { packets: Number(arg("packets", "300")), seed: Number(arg("seed", "7")), today: arg("today", new Date().toISOString().slice(0, 10)), out: arg("out", "seeds/demo") };
  generate(o).then((s) => console.log(`wrote ${s.packets} packets (${(s.bytes / 1048576).toFixed(1)} MB) and ${s.rework} rework items to ${o.out}`));
}

// Factories with overrides: short, readable packets and rows for tests.
import { HANDOFF_CSV_COLUMNS } from "../../app/core/ingest/columns";

export interface PacketRow {
  deal_id: string;
  account_name: string;
  opportunity_name?: string;
  account_owner?: string;
  delivery_owner?: string;
  implementation_lead?: string;
  close_date?: string;
  kickoff_date?: string;
  amount?: string;
  signed_scope?: string;
  order_form?: string;
  deal_desk_exception?: string;
  kickoff_note?: string;
  cs_requirement?: string;
  customer_promise?: string;
}

let n = 0;
export function packet(over: Partial<PacketRow> = {}): PacketRow {
  n++;
  return {
    deal_id: `D-${n}`,
    account_name: `Account ${n}`,
    opportunity_name: `Opportunity ${n}`,
    account_owner: "Ann Owner",
    delivery_owner: "Dee Livery",
    implementation_lead: "Lee Lead",
    close_date: "2026-01-10",
    kickoff_date: "2026-02-01",
    amount: "$10,000.00",
    signed_scope:
      "1. Configure the payroll codes listed in Appendix A. Accepted when Customer signs off the code table.",
    order_form: "Payroll — 100 employees @ $9 PEPM — 12-month term",
    deal_desk_exception: "None",
    kickoff_note: "Contact is Pat.",
    cs_requirement: "Quarterly review — owner: CSM Cara.",
    customer_promise: "Payroll configured.",
    ...over,
  };
}

export const HANDOFF_COLUMNS = HANDOFF_CSV_COLUMNS;

const q = (v: unknown) => {
  const s = v === undefined || v === null ? "" : String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows to CSV text (comma, LF) with the given columns. */
export function csvOf(columns: string[], rows: object[], eol = "\n"): string {
  return (
    [columns.join(","), ...rows.map((r) => columns.map((c) => q((r as Record<string, unknown>)[c])).join(","))].join(
      eol,
    ) + eol
  );
}

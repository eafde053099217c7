// The drafted QA note for the delivery owner: open and accepted flags by severity, each with its quoted source.
import { categoryLabel, sourceLabel } from "../packet";

interface NoteFlag {
  category: string;
  severity: string;
  source: string;
  evidence: string;
  message: string;
  status: string;
}

interface NotePacket {
  deal_id: string;
  account_name: string;
  opportunity_name: string | null;
  delivery_owner: string | null;
  kickoff_date: string | null;
}

const quote = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[`*_[\]<>]/g, (c) => `\\${c}`);

interface NoteReadiness {
  decision: string;
  comment: string | null;
  decided_by: string;
}

/**
 * Deterministic Markdown: same flags in, same note out. Rejected flags are left out; each kept flag says whether it
 * is accepted or still open; the latest readiness decision and its comment lead the note.
 */
export function qaNote(p: NotePacket, flags: NoteFlag[], readiness: NoteReadiness | null = null): string {
  const lines = [
    `# Handoff QA — ${quote(p.account_name)}${p.opportunity_name ? ` · ${quote(p.opportunity_name)}` : ""}`,
    "",
    `Deal ${p.deal_id} · delivery owner: ${p.delivery_owner?.trim() ? quote(p.delivery_owner) : "**not assigned**"} ` +
      `· kickoff: ${p.kickoff_date ?? "not set"}`,
    "",
    readiness
      ? `**Kickoff readiness: ${readiness.decision === "ready" ? "ready" : "not ready"}** ` +
        `(${quote(readiness.decided_by)})${readiness.comment ? ` — ${quote(readiness.comment)}` : ""}`
      : "**Kickoff readiness: not decided yet**",
    "",
  ];
  const kept = flags.filter((f) => f.status !== "rejected");
  if (!kept.length) return [...lines, "No open or accepted findings: the packet is clean.", ""].join("\n");
  for (const sev of ["high", "medium", "low"]) {
    const group = kept.filter((f) => f.severity === sev);
    if (!group.length) continue;
    lines.push(`## ${sev[0].toUpperCase()}${sev.slice(1)} (${group.length})`, "");
    for (const f of group) {
      const label = categoryLabel(f.category);
      const where = sourceLabel(f.source);
      lines.push(`- **${label}** (${f.status === "accepted" ? "accepted" : "open"}) — ${quote(f.message)}`);
      lines.push(f.evidence ? `  > ${where}: “${quote(f.evidence)}”` : `  > ${where}: (blank)`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

import type { Detector } from "../types";
import { findDeliverables, orderFormDeliverables } from "../deliverables";

/** A deliverable in the signed scope (or custom work on the order form) with no acceptance condition anywhere. */
export const acceptanceDetector: Detector = {
  id: "missing-acceptance",
  version: 191,
  category: "missing_acceptance_criteria",
  detect(ctx) {
    const scope = ctx.text("signed_scope");
    const found = [
      ...findDeliverables(scope).filter((d) => !d.accepted),
      ...orderFormDeliverables(`${ctx.text("order_form")}\u0000${scope}`),
    ];
    // an item led by a short title ("II.4 Public comment portal. Publish a portal …") is cited whole
    const titled = (d: (typeof found)[number]) =>
      d.item.start <= d.start && d.item.end > d.end && /\.$/.test(d.text) && d.text.split(/\s+/).length <= 4;
    // (as is a story titled in a few words over its own indented lines, "PB-3 Rental packages (5 pts)" over "  Set
    // up …": cited to the end of its first line of body)
    const bodied = (d: (typeof found)[number]) => {
      if (!(d.item.start <= d.start && d.item.end > d.end) || d.text.split(/\s+/).length > 5 || /[.;:]$/.test(d.text))
        return null;
      const body = /^\s*\n[ \t]+\S[^\n]*/.exec(ctx.text(d.source).slice(d.end, d.item.end));
      return body ? d.end + body[0].length : null;
    };
    return found.map((d) => ({
      category: "missing_acceptance_criteria" as const,
      severity: "high" as const,
      source: d.source,
      start: Math.min(d.start, d.work?.start ?? d.start),
      end: titled(d) ? d.item.end : (bodied(d) ?? Math.max(d.end, d.detail?.end ?? d.end)),
      message:
        "This deliverable has no acceptance or sign-off condition: add a measurable one " +
        "(who accepts, against what) before kickoff.",
    }));
  },
};

import type { Detector } from "../types";
import { findDeliverables } from "../deliverables";

/** A deliverable in the signed scope with no acceptance, sign-off or completion condition anywhere. */
export const acceptanceDetector: Detector = {
  id: "missing-acceptance",
  version: 4,
  category: "missing_acceptance_criteria",
  detect(ctx) {
    return findDeliverables(ctx.text("signed_scope"))
      .filter((d) => !d.accepted)
      .map((d) => ({
        category: "missing_acceptance_criteria" as const,
        severity: "high" as const,
        source: "signed_scope" as const,
        start: d.start,
        end: d.end,
        message: "This deliverable has no acceptance or sign-off condition: add a measurable one (who accepts, against what) before kickoff.",
      }));
  },
};

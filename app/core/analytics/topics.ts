// Recurring missing requirements → template-fix candidates. A flag's topic (scoring/topic.ts) is the key thing
// its evidence talks about, so the same gap written many ways lands in one topic.

/** The template change that would stop a recurring gap at the source. */
export function templateFix(category: string, source: string, topic: string): string {
  const field = source.replace(/_/g, " ");
  switch (category) {
    case "missing_acceptance_criteria":
      return (
        `Add a required "acceptance criteria" line to every ${topic} deliverable ` +
        `in the SOW template (who accepts, against what measure).`
      );
    case "ambiguous_deliverable":
      return (
        `Make the SOW template ask for counts, named systems and limits for ${topic} ` +
        `deliverables instead of free text.`
      );
    case "unowned_requirement":
      return source === "delivery_owner"
        ? "Make delivery owner a required field at closed-won."
        : `Add an owner column to the ${field} template; block handoff while any ${topic} item has no named owner.`;
    case "scope_exception":
      return (
        `Add a required "concessions" field to the order form and route ${topic} ` +
        `through the deal desk before they reach the ${field}.`
      );
    case "timeline_assumption":
      return (
        "Add a delivery-approved schedule section to the SOW template and a dates " +
        "checklist to the kickoff note that points to it."
      );
    case "promise_not_in_scope":
      return (
        `Add a "promised to the customer" checklist for ${topic} to the ${field} ` +
        `template, each line mapped to a SOW item or a change order.`
      );
    case "conflicting_terms":
      return (
        `Keep ${topic} in one CRM field that fills both the order form and the ` +
        `SOW, so the ${field} cannot drift from it.`
      );
    default:
      return `Review the ${field} template for ${topic}.`;
  }
}

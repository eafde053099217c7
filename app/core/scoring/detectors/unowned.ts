import type { Detector, Finding } from "../types";
import { TEXT_SOURCES } from "../../packet";
import { items } from "../structure";

const BLANKISH_OWNER = /^(?:tbd|tbc|tba|unknown|none|n\/a|na|-+|\?+|unassigned|not assigned|nobody|no one|open)$/i;

// an owner marked unknown, "to be decided", question marks, or nobody named
const UNOWNED = new RegExp(
  [
    String.raw`\b(?:owner(?:ship)?|owned by|assigned to|assignee|who owns (?:it|this|that)\??)\s*(?:[:=\-—–]\s*|is\s+|on our side\s*[:\-—]?\s*)?(?:\?{2,}|\btbd\b|\btba\b|\bunknown\b|\bnone\b|\bnot (?:yet )?assigned\b|\bunassigned\b|\bnobody\b|\bno one\b)`,
    String.raw`\b(?:nobody|no one|no-one)\s+(?:is\s+|has been\s+)?(?:assigned|identified|owns|named|picked)`,
    String.raw`\bowner\s+(?:unknown|tbd|missing|not (?:yet )?(?:named|assigned))`,
    String.raw`\bnot sure who\b`,
    String.raw`\bno named (?:person|owner|individual|lead)\b`,
    String.raw`\bno owner\b`,
    String.raw`\bunassigned\b|\bnot (?:yet )?assigned\b`,
    String.raw`\bowner\s*[:=]\s*\?+(?![\w?])`,
    String.raw`:\s*\?{3,}`,
  ].join("|"),
  "i",
);
// Open roles on the customer's side ("name TBC by the agency") are not ours to fill.
const CUSTOMER_SIDE = /\b(?:by|from|on) (?:the )?(?:customer|client|their side|agency|district|county|state)\b|\bcustomer[- ]side\b/i;

export const unownedDetector: Detector = {
  id: "unowned-requirement",
  version: 4,
  category: "unowned_requirement",
  detect(ctx) {
    const out: Finding[] = [];
    const owner = ctx.packet.delivery_owner ?? "";
    if (!owner.trim()) {
      out.push({ category: "unowned_requirement", severity: "high", source: "delivery_owner", start: null, end: null, message: "No delivery owner is named for this packet: assign one before kickoff so every requirement has an owner." });
      return out; // every requirement of the packet is covered by this one finding
    }
    if (BLANKISH_OWNER.test(owner.trim())) {
      const start = owner.indexOf(owner.trim());
      out.push({ category: "unowned_requirement", severity: "high", source: "delivery_owner", start, end: start + owner.trim().length, message: `The delivery owner is "${owner.trim()}": name the person in delivery who owns this work.` });
      return out;
    }
    for (const source of TEXT_SOURCES) {
      if (source === "order_form" || source === "signed_scope") continue;
      // judge whole list items: a question about ownership and its answer can span two sentences
      for (const it of items(ctx.text(source))) {
        const m = UNOWNED.exec(it.text);
        if (!m || CUSTOMER_SIDE.test(it.text.slice(m.index))) continue;
        // cite the sentence that holds the marker (or the item when it spans sentences)
        const at = it.start + m.index;
        const u = it.units.find((x) => x.start <= at && x.end >= at + m[0].length) ?? it;
        out.push({ category: "unowned_requirement", severity: "medium", source, start: u.start, end: u.end, message: "This requirement has no named delivery-side owner: assign one before kickoff." });
      }
    }
    return out;
  },
};

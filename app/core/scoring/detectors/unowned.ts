import type { Detector, Finding } from "../types";
import { TEXT_SOURCES } from "../../packet";
import { items } from "../structure";
import { documentOf } from "../document";
import { DECLINED } from "../conversation";

const BLANKISH_OWNER = new RegExp(
  String.raw`^(?:tbd|tbc|tba|unknown|none|n\/a|na|-+|\?+|unassigned|not (?:yet )?assigned|nobody|no one|open|vacant|` +
    String.raw`pending|to be (?:confirmed|assigned|decided|determined|named|agreed|appointed)|` +
    // ("Por asignar", "À définir", "Da definire")
    String.raw`por (?:definir|asignar)|sin asignar|[àa] (?:d[ée]finir|confirmer|d[ée]signer)|da definire|` +
    String.raw`noch offen)\.?` +
    // a remark after the placeholder still names nobody: "Unassigned (hire in progress)", "TBD - hiring"
    String.raw`(?:\s*(?:\([^)]*\)|[—–-]\s.*))?$`,
  "i",
);

// "nobody yet" in the languages international packets mix in: à définir, nessuno, niemand, nadie, ingen …
const NOBODY_ABROAD =
  String.raw`(?<![\w\u00C0-\u024F])(?:[àa] (?:d[ée]finir|confirmer|d[ée]signer)|nessuno(?: ancora)?|` +
  String.raw`da definire|niemand|noch offen|nadie|por (?:definir|asignar)|sin asignar|ningu[ée]m|ingen|nikt|` +
  // ("ikke udpeget endnu", "ikke avklart")
  String.raw`ikke (?:udpeget|utpekt|utnevnt|avklart|afklaret|bestemt|tildelt)|` +
  // (Hindi in Latin letters, "koi nahi abhi", and Turkish "kimse", "atanmadı")
  String.raw`koi nah[iī]n?|kimse|atanmad[ıi]|belirlenmedi)\b`;

// an owner marked unknown, "to be decided", question marks, or nobody named
const UNOWNED = new RegExp(
  [
    String.raw`\b(?:owner(?:ship)?|owned by|assigned to|assignee|who owns (?:it|this|that)\??)` +
      String.raw`\s*(?:[:=\-—–]\s*|is\s+|(?:on|at) our side\s*[:\-—]?\s*)?` +
      String.raw`(?:\?{2,}|\btbd\b|\btba\b|\btbc\b|\bunknown\b|\bnone\b|\(none\)|` +
      String.raw`\bnot (?:yet )?(?:assigned|identified|named|decided|confirmed|fixed|chosen|set|allocated)\b|` +
      String.raw`\bunassigned\b|\bnobody\b|\bno one\b|${NOBODY_ABROAD})`,
    String.raw`\b(?:nobody|no one|no-one)\s+(?:is\s+|has been\s+)?(?:assigned|identified|owns|named|picked)`,
    String.raw`\bowner\s+(?:unknown|tbd|tbc|tba|missing|not (?:yet )?(?:named|assigned))\b`,
    // "Not picked up by anyone yet", "nobody has picked it up"
    String.raw`\bnot (?:yet )?(?:picked up|taken|claimed|owned) by (?:anyone|anybody|any of us)\b`,
    String.raw`\bnot sure who\b`,
    // a ticket nobody has taken: "Assign: nobody yet", "?? — not yet routed"
    String.raw`\bassign(?:ee|ed(?: to)?)?\s*:\s*(?:nobody|no one|none|unassigned|\?{2,})|` +
      String.raw`\bnot (?:yet )?(?:routed|triaged|picked up)\b`,
    // "Nobody's on it", "I honestly don't know if that's us or them"
    String.raw`\bnobody(?:'s|’s| is) on (?:it|this|that)\b|` +
      String.raw`\b(?:don'?t|do not) know (?:if|whether) (?:that'?s|it'?s|this is|that is|it is) ` +
      String.raw`(?:us|ours|them|theirs)\b`,
    // "owner at our end ??", "Xero sync owner at Halasuru - not decided yet", "owner from the Pune side not yet fixed"
    String.raw`\bowner\s+(?:at|from|on|in)\s+(?:our|the|[A-Z][\w&.-]*)(?:\s+[A-Z][\w&.-]*)?(?:\s+(?:side|end|team))?` +
      String.raw`\s*(?:[:\-—–]\s*)?(?:\?{2,}|tbd\b|tbc\b|nobody\b|no one\b|none(?: yet)?\b|` +
      String.raw`not (?:yet )?(?:decided|fixed|assigned|identified|named|confirmed|chosen)\b)`,
    // "owner at our side: (none yet)", "who on our team? not decided."
    String.raw`\bowner\b[^.;:\n]{0,30}\b(?:on|at) our side\b[^.;\n]{0,30}\b(?:none yet|not yet|nobody|no one)\b`,
    String.raw`\bwho (?:on|from|in) (?:our|the) (?:side|team)\s*\?\s*(?:not (?:yet )?(?:decided|agreed|sorted|known|` +
      String.raw`fixed)|tbd|tbc|nobody|no one|unclear|none)`,
    String.raw`\bno named (?:person|owner|individual|lead)\b`,
    // "none named yet", "no one identified", "none assigned"
    String.raw`\b(?:none|no one|nobody) (?:named|identified|assigned|designated)\b`,
    // "owner: open", "owner: to be named", "no PeopleSoft resource identified"
    String.raw`\bowner\s*[:=—–-]\s*(?:open|vacant|unclear|undecided|unclaimed|to be (?:named|assigned|confirmed|decided|` +
      String.raw`determined|appointed))\b`,
    // "who owns this on our side is still open", "who scopes this on our side is not decided"
    String.raw`\bwho\s+(?:owns|scopes|does|handles|writes|builds|runs|configures|leads|maps|takes)\b[^.;?]{0,60}` +
      String.raw`(?:\b(?:is|remains)\s+(?:still\s+)?(?:open|undecided|unclear|tbd|tbc|unknown|` +
      String.raw`not (?:yet )?(?:decided|agreed|settled|known|clear|sorted))\b|\s[:\-—–]\s*(?:tbd|tbc)\b)`,
    String.raw`\bno (?:[\w-]+ )?(?:resource|person|owner|lead)\s+(?:yet\s+)?(?:identified|named|assigned)\b`,
    // "Owner booking-export mapping: nessuno ancora"
    String.raw`\bowner\b[^.;:\n]{0,40}:\s*(?:${NOBODY_ABROAD}|\?{2,}|tbd\b|nobody\b|no one\b)`,
    String.raw`\bno (?:owner|assignee)\b|\bno [A-Z][\w&-]* owner\b`,
    String.raw`\bunassigned\b|\bnot (?:yet )?assigned\b`,
    String.raw`\b(?:owner|responsable|responsible|verantwortlich|sorumlu)\s*[:=]\s*\?+(?![\w?])`,
    // a ticket handed on to nobody: "Selim Arslan → (none)"
    String.raw`(?:→|->)\s*\(?(?:none|nobody|no one|unassigned)\)?(?=\s|$|[.;,—–-])`,
    String.raw`:\s*(?:\?{2,}|¿\?)\s*(?:$|[.;)(])`,
    // "Responsible of the interface on our side: pending to define"
    String.raw`\b(?:owner|responsible|lead)\b[^.;:\n]{0,50}\b(?:on|at) our (?:side|end)\s*:\s*` +
      String.raw`(?:pending|not (?:yet )?defined|to (?:be )?define)`,
    // "Owner for the SSO piece on our side: ??", "Owner: not yet identified"
    String.raw`\bowner(?:ship)?\s+(?:for|of)\b(?:[^:.;—–]|\.(?=\w)){1,50}(?::|\s[—–-])\s*` +
      String.raw`(?:\?{2,}|tbd\b|tbc\b|none\b|nobody\b|no one\b|unknown\b|${NOBODY_ABROAD}|` +
      String.raw`not (?:yet )?(?:assigned|identified|named|agreed|decided|sorted)\b|to be (?:named|assigned|appointed)\b)`,
    // a question about who, in Spanish, answered with nobody: "¿quién la lleva de nuestro lado? TBD"
    String.raw`\bqui[ée]n\b[^?]{0,80}\?\s*(?:tbd|tbc|nadie|por (?:definir|asignar)|sin asignar)\b`,
    String.raw`\b(?:owner|lead|contact|responsible)\s*[:=-]\s*` +
      String.raw`not (?:yet )?(?:identified|named|decided|agreed|sorted|confirmed|known)\b`,
    // nobody has picked it up / put a hand up / taken it
    String.raw`\b(?:nobody|no one|no-one|none of us)(?:'s| has| is| have)?\s+(?:\w+\s+){0,5}?` +
      String.raw`(?:picked|put (?:their|a) hand up|taken|took|claimed|volunteered|owns?|owning|got)\b`,
    String.raw`\b(?:nobody|no one)\s+(?:else\s+)?has\s+put\b`,
    String.raw`\bno owner\b`,
    // not knowing who: "no idea who", "unclear who"
    String.raw`\b(?:don'?t|do not|dont|idk|not sure|no idea|unclear|nobody knows)\s+(?:know\s+)?who\b`,
    // a question about who owns it, answered with nobody or TBD
    String.raw`\bwho(?:'s| is| will| should)?\s+(?:\w+\s+){0,6}?` +
      String.raw`(?:own|owns|owning|does|doing|handles?|handling|sets? (?:that |this |it )?up|responsible|` +
      String.raw`picks? (?:that |this |it )?up|takes?|runs?|drives?|monitors?|watch(?:es)?|checks?)\b[^?]{0,80}\?\s*` +
      String.raw`(?:\(?\s*)?` +
      String.raw`(?:tbd|tbc|no one|nobody|not sorted|unknown|unclear|not yet|not defined|none|\?+)`,
  ].join("|"),
  "i",
);
// Open roles on the customer's side ("name TBC by the agency") are not ours to fill.
const CUSTOMER_SIDE =
  /\b(?:by|from|on) (?:the )?(?:customer|client|their side|agency|district|county|state)\b|\bcustomer[- ]side\b/i;

// (and in the languages packets mix in: "Responsable", "Verantwortlich", "Encargado")
const OWNER_COLUMN = new RegExp(
  String.raw`\bowner\b|\bresponsib|\bresponsab|\bverantwortlich|\bencargad|\baccountable\b|\bassigned\b|\blead\b|` +
    String.raw`^r$|^a$|\bwho\b`,
  "i",
);
const RACI_CELL = /^[RACI](?:\s*[/,+]\s*[RACI])*$/;
const BLANKISH_CELL = new RegExp(
  String.raw`^(?:tbd|tbc|tba|\?+|-+|—|unassigned|not (?:yet )?(?:agreed|assigned|named|decided|fixed)|none(?: yet)?|` +
    // ("nobody named yet on either side")
    String.raw`n\/a|unknown|open|(?:nobody|no one)(?: named| identified| assigned)?(?: yet)?` +
    String.raw`(?: (?:on|from) (?:either|both|any|our) sides?)?|` +
    String.raw`(?:owner )?to be (?:named|assigned|confirmed|decided)|` +
    // "à confirmer", "aucun responsable nommé pour l'instant", "por asignar", "offen"
    String.raw`à (?:confirmer|déterminer|définir|nommer)|` +
    String.raw`aucun(?: responsable)?(?: nommé)?(?: pour l['’]instant)?|` +
    String.raw`por (?:asignar|definir|confirmar)|sin asignar|offen|n\.\s?n\.)$`,
  "i",
);

// (a placeholder in brackets is one too: "(none yet)")
const blankCell = (t: string) =>
  BLANKISH_CELL.test(
    t
      .trim()
      .replace(/^\((.*)\)$/, "$1")
      .trim(),
  );

// "Who prepares the pack — our QA group or theirs? Unresolved.", "who owns the review?" … "not sure, not sales":
// a question about who does a piece of work, and an answer (in the line or the replies after it) that names nobody
const WHO_ASKED = new RegExp(
  // ("who on the vendor's side runs it?": the side asked about may stand between)
  String.raw`\bwho(?:'s| is| will| would| should)?\s+(?:(?:on|from|in) (?:our|the|their) (?:[\w&-]+ )?(?:side|team|end) )?` +
    String.raw`(?:\w+\s+){0,2}?(?:owns?|owning|prepares?|preparing|attends?|handles?|handling|configuring|setting up|` +
    String.raw`does|doing|runs?|leads?|covers?|manages?|(?:is |are )?responsible|takes?|drives?|builds?|` +
    String.raw`writes?|signs?|` +
    String.raw`maps?|mapping|` +
    String.raw`reviews?|maintains?|configures?|sets? up)\b[^?\n]{0,100}?(?:\?|\s[—–]\s)`,
  "i",
);
const NOBODY_ANSWER = new RegExp(
  String.raw`\b(?:unresolved|undecided|not (?:yet )?(?:decided|agreed|sorted|known|assigned|resolved)|nobody|` +
    String.raw`no one|not sure|no idea|unclear|tbd|tbc|not me|still open|open question|` +
    // "I don't have anyone lined up", "I'd assumed theirs"
    String.raw`(?:don'?t|do not) have anyone|assumed (?:it was )?(?:theirs|ours)|` +
    // "No name against it on either side."
    String.raw`no name (?:against|on|for|next to) (?:it|this|that))\b`,
  "i",
);

// a row that records there is nothing ("None raised", "N/A — list prices, no request") asks for no owner
const NOTHING_ROW = /^(?:none|nil|no (?:exceptions?|requests?|changes?)\b|n\/a)(?![\w-])/i;

export const unownedDetector: Detector = {
  id: "unowned-requirement",
  version: 159,
  category: "unowned_requirement",
  detect(ctx) {
    const out: Finding[] = [];
    const owner = ctx.packet.delivery_owner ?? "";
    if (!owner.trim()) {
      out.push({
        category: "unowned_requirement",
        severity: "high",
        source: "delivery_owner",
        start: null,
        end: null,
        message:
          "No delivery owner is named for this packet: assign one before kickoff so every requirement has an owner.",
      });
      return out; // every requirement of the packet is covered by this one finding
    }
    // a placeholder for the owner ("TBD", "Unassigned (hiring)"), or a team whose lead is still to be named ("Squad
    // Heron (lead: tbd)"): cited at the placeholder
    const leadless = /\(\s*((?:lead|owner|pm)\s*:\s*(?:tbd|tbc|tba|\?+|none|open|vacant))\s*\)/i.exec(owner);
    const placeholder = leadless
      ? { at: leadless.index + leadless[0].indexOf(leadless[1]), text: leadless[1], why: "a team with no named lead; " }
      : BLANKISH_OWNER.test(owner.trim())
        ? { at: owner.indexOf(owner.trim()), text: /^[^(—–]*[^\s(—–-]/.exec(owner.trim())![0], why: "" }
        : null;
    if (placeholder) {
      out.push({
        category: "unowned_requirement",
        severity: "high",
        source: "delivery_owner",
        start: placeholder.at,
        end: placeholder.at + placeholder.text.length,
        message: `The delivery owner is "${owner.trim()}": ${placeholder.why}name the person in delivery who owns this work.`,
      });
      return out;
    }
    // a table whose owner column says nobody yet ("| Data extract | TBD | … |")
    for (const source of TEXT_SOURCES) {
      if (!ctx.text(source).includes("|")) continue;
      for (const b of documentOf(ctx.text(source)).blocks) {
        // a RACI row where nobody is Responsible and some party is still open
        const values = b.cells?.filter((c) => c.text !== b.head.text) ?? [];
        const raci =
          values.length >= 2 &&
          values.every((c) => RACI_CELL.test(c.text.trim()) || blankCell(c.text)) &&
          !values.some((c) => /\bR\b/.test(c.text)) &&
          values.some((c) => blankCell(c.text));
        const cell =
          b.cells?.find((c) => OWNER_COLUMN.test(c.header) && blankCell(c.text)) ??
          (raci ? values.find((c) => blankCell(c.text)) : undefined);
        // a requirement declined or left to a separate quote needs no owner, nor does a decision recorded in a
        // decisions-and-actions log ("D1 | Go-live stays 4 May | — |")
        if (!cell || DECLINED.test(b.text) || NOTHING_ROW.test(b.head.text.trim())) continue;
        const decision =
          (/^(?:D|DEC)[-‐]?\d+$/i.test(b.rawId ?? "") && b.cells!.some((c) => /decision/i.test(c.header))) ||
          b.cells!.some((c) => /^decision$/i.test(c.text.trim()));
        if (decision) continue;
        const end = Math.max(b.head.end, cell.end);
        const start = Math.min(b.head.start, cell.start);
        out.push({
          category: "unowned_requirement",
          severity: "medium",
          source,
          start,
          end,
          message: "This line has no named owner: assign one in delivery before kickoff.",
        });
      }
    }
    for (const source of TEXT_SOURCES) {
      if (source === "order_form") continue;
      // judge whole list items: a question about ownership and its answer can span two sentences
      for (const it of items(ctx.text(source))) {
        const text = ctx.text(source);
        let m = UNOWNED.exec(it.text);
        // in the signed scope, only an open question about who does it ("Who writes the extract, IT or us? —
        // unassigned") or a line that says its owner is to be decided ("Dependency: test tenant — owner TBD")
        if (source === "signed_scope" && (!m || (!/\?/.test(it.text) && !/^owner\b/i.test(m[0])))) continue;
        // where the answer comes after the question (a reply, the next line), the citation runs to the answer
        let answerEnd = -1;
        if (!m) {
          const q = WHO_ASKED.exec(it.text);
          const from = q ? it.start + q.index + q[0].length : 0;
          const a = q ? NOBODY_ANSWER.exec(text.slice(from, from + 160)) : null;
          if (!q || !a) continue;
          m = q;
          const at = from + a.index;
          const lineEnd = text.indexOf("\n", at);
          if (at >= it.end) answerEnd = lineEnd < 0 ? text.trimEnd().length : lineEnd;
        }
        if (CUSTOMER_SIDE.test(it.text.slice(m.index)) && !/\b(?:ours|our side|us|we)\b/i.test(it.text)) continue;
        if (out.some((f) => f.source === source && f.start !== null && f.start < it.end && f.end! > it.start)) continue;
        // cite the sentence that holds the marker (or the item when it spans sentences)
        const at = it.start + m.index;
        const u = it.units.find((x) => x.start <= at && x.end >= at + m[0].length) ?? it;
        out.push({
          category: "unowned_requirement",
          severity: "medium",
          source,
          start: u.start,
          end: Math.max(u.end, answerEnd),
          message: "This requirement has no named delivery-side owner: assign one before kickoff.",
        });
      }
    }
    return out;
  },
};

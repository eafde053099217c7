// The document model of one field: sections with a type, numbered and lettered items with their ids, sub-lines
// that belong to an item (a story's "AC:" line, an indented detail), and table rows with header-named cells.
// Every span keeps exact offsets into the original text.
import { memo } from "./memo";
import { MD_HEADING, logicalLines, sentences, trimSpan, type Span } from "./structure";
import { NUMBER_WORD } from "./numbers";

export type SectionKind =
  | "none"
  | "title"
  | "background"
  | "scope"
  | "deliverables"
  | "acceptance"
  | "schedule"
  | "assumptions"
  | "responsibilities"
  | "out_of_scope"
  | "fees"
  | "definitions"
  | "change"
  | "governance"
  | "term"
  | "other";

/**
 * Acceptance named in the other languages international packets mix into English: German "Abnahme", Spanish
 * "aceptación", Portuguese "aceitação" / "termo de aceite", Italian "collaudo", Dutch "acceptatie", French "recette" /
 * "procès-verbal de réception", Polish "protokół odbioru". Words that also mean receiving something ("réception",
 * "odbiór", "aceite") count only as a label or in their fixed phrase.
 */
export const ACCEPTANCE_ABROAD = [
  String.raw`abnahme\w*|abgenommen|aceptaci[oó]n|aceptad[oa]s?|aceita[çc][aã]o|termo de aceite|collaudo|`,
  // (the Scandinavian words: "Godkjenning", "Godkendelse", "Akseptanse")
  String.raw`godkjenning|godkendelse|akseptanse|`,
  String.raw`accettazione|acceptatie|recette|proc[eè]s[- ]verbal de r[ée]ception|protok[oó][lł]\w* odbioru|`,
  String.raw`(?:aceite|odbi[oó]r|r[ée]ception)(?=\s*[:(])`,
].join("");

const BUILD_WORK = new RegExp(
  String.raw`\b(?:will|shall)\s+(?:\w+\s+)?(?:configure|build|set up|develop|implement|create|design|convert|` +
    String.raw`migrate|deliver|install|produce|provide)\b`,
  "i",
);

/** A section title's words → its kind; the first family that matches wins (order matters). */
const SECTION_FAMILIES: [SectionKind, RegExp][] = [
  [
    "out_of_scope",
    new RegExp(
      String.raw`\bout[- ]of[- ]scope\b|\bexclu(?:sions?|ded)\b|\bnot (?:in scope|included)\b|` +
        // a pitch's "No-gos" and a plan's "Non-goals": what will not be built
        String.raw`\bno[- ]gos?\b|\bnon[- ]goals?\b|^(?:what we(?:['’]re| are) )?not doing\b|^won['’]?t do\b|` +
        String.raw`\boutside (?:this|the) (?:sow|scope|contract)\b`,
    ),
  ],
  [
    "acceptance",
    new RegExp(
      [
        String.raw`\baccept|\bsign[- ]?off\b|\binspection\b|\bqasp\b|\bquality assurance\b|`,
        // a performance-based work statement accepts its work against a summary of standards
        String.raw`\bperformance (?:requirements summary|standards?)\b|\bacceptable quality levels?\b|`,
        String.raw`\bdefinition of done\b|\bcompletion\b|\bdone\b|\bfinished\b|\b(?:${ACCEPTANCE_ABROAD})|`,
        // "Review and Approval", "Approval of Deliverables": the procedure under another name
        String.raw`\breview (?:and|&) approvals?\b|\bapprovals? of (?:the )?(?:deliverables|submittals|work products?)\b`,
      ].join(""),
    ),
  ],
  // ("Deliverable Schedule", "Deliverables and Due Dates": when the deliverables are due)
  [
    "deliverables",
    // (and the word in the languages international packets mix in: "Leveranser", "Entregables", "Livrables")
    /\bdeliverables?\b(?!\s+(?:schedule|(?:and )?(?:due )?dates|timeline|calendar)\b)|\bwork products?\b|^(?:leveranser?|leverancer?|entregables|livrables|lieferumfang|leistungsumfang)$/,
  ],
  ["definitions", /\bdefinitions?\b|\binterpretation\b|\bglossary\b|\bdefined terms\b/],
  [
    "fees",
    new RegExp(
      [
        String.raw`\bfees?\b|\bpric(?:e|es|ing)\b|\bpayments?\b|\binvoic\w*|\bcommercials?\b|\bcosts?\b|`,
        String.raw`\brates?\b|\bbilling\b|\bexpenses\b|\bcharges\b`,
      ].join(""),
    ),
  ],
  [
    "schedule",
    new RegExp(
      [
        String.raw`\bschedule\b|\btimeline\b|\btimetable\b|\bmilestones?\b|\bkey dates\b|\bdates\b|`,
        String.raw`\bperiod of performance\b|\bproject plan\b|\bphase plan\b|\bsprint plan\b|\bplanning\b|` +
          String.raw`\b(?:implementation|delivery|transition|deployment|roll-?out|migration|mobili[sz]ation|release) plan\b|`,
        String.raw`\bcalendar\b|^plan$|^sprints?(?: (?:dates|cadence|length))?$|`,
        String.raw`\b(?:zeitplan|projektplan|terminplan|cronograma|calendario|calendrier|tidsplan|harmonogram|` +
          String.raw`fremdrift(?:splan)?|framdrift|tidplan|tidsplan|aikataulu)\b|`,
        // "Go-live: 1 June", "Rollout: one wave a month"
        String.raw`^(?:(?:go[- ]?live|cut[- ]?over|roll[- ]?out)(?: (?:target|date|dates|plan))?|phasing|time|timing|` +
          String.raw`time of performance)$`,
      ].join(""),
    ),
  ],
  // ("Effort: story points are relative estimates …")
  // (and a pitch's "Rabbit holes", the risks it steers round, and its "Appetite", the time it may take)
  [
    "assumptions",
    new RegExp(
      String.raw`\bassumptions?\b|\bdependenc(?:y|ies)\b|\bconstraints?\b|\bprerequisites?\b|^effort$|^estimates?$|` +
        String.raw`^(?:forutsetninger|foruds\S+tninger|f\S+ruts\S+ttningar|supuestos|hypoth\S+ses|annahmen|` +
        String.raw`voraussetzungen|premissas|presupposti)$|` +
        String.raw`\brabbit[- ]holes?\b|^appetite\b`,
    ),
  ],
  [
    "responsibilities",
    new RegExp(
      [
        // what the customer furnishes: "Government-Furnished Information", "City-furnished items", "GFE"
        String.raw`\b[a-z]+[- ]furnished\b|\bfurnished by\b|\bgf[eip]\b|`,
        String.raw`\bresponsibilit(?:y|ies)\b|\bobligations?\b|^(?:ansvar|roller og ansvar)$|` +
          String.raw`\b(?:customer|client|buyer|agency|government|`,
        String.raw`county|city|district|university|bank|company) (?:will|to) provide\b|\braci\b|\broles\b|`,
        // "Client tasks", "Customer dependencies", "Agency inputs"
        String.raw`\b(?:customer|client|buyer|agency|county|city|district|owner)(?:['’]s)? (?:tasks|duties|inputs)\b|`,
        // "The Council provides", "The Trust will supply": the customer, named by its role
        String.raw`^the (?!(?:contractor|vendor|supplier|provider|consultant|seller)\b)[a-z]+ (?:will |shall )?` +
          String.raw`(?:provides?|supplies?|supply)\b`,
      ].join(""),
    ),
  ],
  ["change", /\bchange (?:control|management|requests?|orders?)\b|\bchanges\b|^change$/],
  [
    "governance",
    new RegExp(
      [
        String.raw`\bgovernance\b|\bproject management\b|\bkey personnel\b|\bpersonnel\b|\bstaffing\b|`,
        String.raw`\bcommunications?\b|\bsteering\b|\bproject (?:organi[sz]ation|team|language)\b|`,
        String.raw`\bapproach\b|\bmethodology\b|\breporting and meetings\b|\bwarrant(?:y|ies)\b|`,
        // "How delivery runs", "How this pack works": the way the work is run, not the work
        String.raw`^how (?:[\w-]+ ){0,3}(?:works?|runs?)$|`,
        String.raw`^(?:[—–-]\s*)?(?:the |our )?team\b|`,
        // how the two sides work together day to day: "Working arrangements", "Ways of working"
        String.raw`\bworking (?:agreements?|arrangements?|practices|norms)\b|\bways of working\b|`,
        String.raw`\bconfidential\w*\b|\bgeneral\b|\bnotices?\b|\bterms and conditions\b`,
      ].join(""),
    ),
  ],
  [
    "term",
    new RegExp(
      [
        String.raw`^(?:term|duration|contract term|subscription term)\b|\bterm and termination\b|`,
        String.raw`\bplace of performance\b|\btype of contract\b`,
      ].join(""),
    ),
  ],
  [
    "background",
    new RegExp(
      [
        String.raw`\bbackground\b|\bpurpose\b|\boverview\b|\bintroduction\b|\bobjectives?\b|`,
        String.raw`(?<!scope )\bsummary\b|\bcontext\b|\brecitals?\b|\bparties\b|\bgoals?\b|`,
        String.raw`\bcurrent (?:state|environment)\b|\bsituation\b|\boutline\b|`,
        // a requirements document's "Problem statement" and "Success metrics" say why, not what is built
        String.raw`\bproblems?(?: statement)?\b|\bsuccess (?:metrics|measures)\b|\bopen questions\b|\bprofile\b|`,
        // a summary of the deal's figures before the work ("Scope at a glance", "Key facts", "In brief")
        String.raw`\bat a glance\b|\bsnapshot\b|\bkey facts\b|\bin brief\b|\bkey figures\b|\bhighlights\b|`,
        // "Why this release", "Why we are doing this"
        String.raw`^why\b|`,
        // "About the client", "About Harbour Vets" (not "About 900 pets")
        String.raw`^about (?:the |us$|our |this |[^\d\s]+$)|`,
        // who and where the customer is: "Locations and people", "Population", "Sites"
        // ("Licensed population", "Users and volume")
        String.raw`^(?:licensed )?(?:locations?|sites|people|population|headcount|estate|users|volumes?|properties|` +
          String.raw`premises|ships|vessels|fleet|venues|stores|branches|schools|clinics|facilities|hospitals)` +
          String.raw`(?: and (?:people|staff|users|sites|volumes?))?$`,
      ].join(""),
    ),
  ],
  [
    "scope",
    new RegExp(
      [
        String.raw`\bscopes?\b|\bservices\b|\btasks?\b|\brequirements?\b|\bwork packages?\b|\bworkstreams?\b|`,
        String.raw`\bepics?\b|\bstories\b|\bbacklog\b|\bfeatures?\b|\bimplementation\b|\bconfiguration\b|`,
        // ("What you get", "What SCI delivers")
        String.raw`\bsolution\b|\bwhat (?:we|you) (?:will )?(?:get|deliver|do)\b|\bwhat [\w&.-]+ (?:will )?delivers?\b|` +
          String.raw`\bactivities\b|\bmodules?\b|` +
          // "What Acme will build"
          String.raw`\bwhat [a-z]+ (?:will|shall) (?:build|deliver|do|provide|supply|implement|configure)\b|`,
        String.raw`\bstatement of work\b|\bwork\b|`,
        // a release plan's story map and its backbone ("Story map", "Activity: Learn")
        String.raw`\bstory maps?\b|^activity\b|`,
        // a release by its name ("MVP", "Release 2", "R2 — Loyalty")
        String.raw`^(?:mvp|minimum viable product|r\d|release \d+)(?:\s*(?:[—–:-]\s*)?(?:release|scope|backlog|features?))?$`,
      ].join(""),
    ),
  ],
];

/**
 * Section titles in the languages international packets mix into English (Portuguese, Spanish, Italian, French,
 * German, Dutch, Turkish), tried when no English family matches. Whole words only: accented letters are no word
 * characters to `\b`, so a title's word is bounded by the start, the end or a space.
 */
const ABROAD = (words: string) => new RegExp(String.raw`(?:^|\s)(?:${words})(?=$|\s)`, "u");
const SECTION_FAMILIES_ABROAD: [SectionKind, RegExp][] = [
  [
    "out_of_scope",
    ABROAD(
      String.raw`fora d[oe] [aâ]mbito|n[aã]o inclu[ií]d[oa]s?|fuera del? alcance|no incluid[oa]s?|exclusiones|` +
        String.raw`exclus[oõ]es|hors (?:p[ée]rim[eè]tre|champ)|non inclus|fuori (?:ambito|perimetro)|esclusioni|` +
        String.raw`nicht im (?:leistungs)?umfang|ausschl[üu]sse|kapsam d[ıi][şs][ıi]|buiten (?:de )?scope|` +
        String.raw`niet inbegrepen`,
    ),
  ],
  // (the others are in ACCEPTANCE_ABROAD)
  ["acceptance", ABROAD("kabul")],
  ["deliverables", ABROAD(String.raw`entreg[aá]veis|teslimatlar|opleveringen|consegne`)],
  [
    "schedule",
    ABROAD(
      String.raw`calend[aá]rio|cronoprogramma|[ée]ch[ée]ancier|jalons|hitos|marcos|prazos|takvim|zaman plan[ıi]|` +
        String.raw`planificaci[oó]n|planejamento`,
    ),
  ],
  ["assumptions", ABROAD(String.raw`pressupostos|ipotesi|varsay[ıi]mlar|aannames`)],
  [
    "responsibilities",
    ABROAD(
      String.raw`responsabilidades|responsabilit[aà]|responsabilit[ée]s|verantwortlichkeiten|mitwirkungspflichten|` +
        String.raw`sorumluluklar|verantwoordelijkheden`,
    ),
  ],
  [
    "fees",
    ABROAD(
      String.raw`pre[çc]os?|honor[aá]rios|precios?|honorarios|prix|tarifs|corrispettivi?|compensi|verg[üu]tung|` +
        String.raw`preise|[üu]cretler|fiyat|prijzen|vergoeding|pagamentos?|pagos?|paiements?|zahlungen`,
    ),
  ],
  [
    "background",
    ABROAD(
      String.raw`contexto|contesto|contexte|kontext|ausgangslage|antecedentes|premessa|pr[ée]ambule|hintergrund|` +
        String.raw`situazione|situa[çc][aã]o|situaci[oó]n|obiettivi|objetivos|objectifs|ziele|hedefler|doelstellingen|` +
        String.raw`amac[ıi]|arka plan|achtergrond|^(?:objecto|objeto|oggetto|objet)$`,
    ),
  ],
  [
    "scope",
    ABROAD(
      String.raw`[aâ]mbito|alcance|p[ée]rim[eè]tre|perimetro|leistungsumfang|leistungsbeschreibung|kapsam|omfang|` +
        String.raw`omfattning|reikwijdte`,
    ),
  ],
];

const WORK_AND_ACCEPTANCE = new RegExp(
  String.raw`\b(?:deliverables?|workstreams?|work packages?|scope|services|tasks?|requirements?|epics?|stories|` +
    String.raw`features?)\b.*\baccept`,
);

export const sectionKind = memo(4096, (title: string): SectionKind => {
  const t = title
    .toLowerCase()
    .replace(/[*_#:]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  // "Schedule 1 (Works)", "Annex B — Acceptance": an attachment's number says where it is, its title what it is
  const titled = t.replace(/^(?:schedule|annex|exhibit|appendix|attachment)\s+[\da-z.]+\b\s*[—–:-]?\s*(?=\S)/, "");
  // "Deliverable review and acceptance", "Submittal, inspection and acceptance": the procedure, not the work
  if (/\b(?:review|inspection|testing|approval|submissions?|submittals?),?\s+(?:and|&)\s+accept/.test(titled))
    return "acceptance";
  // "Deliverables and acceptance", "Workstreams and acceptance": a list of work, each with its own condition
  if (WORK_AND_ACCEPTANCE.test(titled) && !/^accept/.test(titled)) return "deliverables";
  for (const [kind, re] of SECTION_FAMILIES) if (re.test(titled)) return kind;
  for (const [kind, re] of SECTION_FAMILIES_ABROAD) if (re.test(titled)) return kind;
  return "other";
});

export interface Section {
  kind: SectionKind;
  title: string;
}

export interface Cell extends Span {
  /** the column's header, lower-cased ("" when the table has no header row) */
  header: string;
}

export interface Block extends Span {
  /** the item's id as written ("D-3", "2.1", "E2.2", "CLIN 0001"), or null */
  rawId: string | null;
  /** normalized id keys a reference can use ("D3", "3" for a deliverable numbered 3) */
  ids: string[];
  /** the citation unit: from the marker to the end of the first sentence (a table row's description cell) */
  head: Span;
  /** the body after the marker, including the sub-lines that belong to the item */
  heading: boolean;
  /** a group heading (an epic, a phase) whose items follow it */
  group: boolean;
  section: Section;
  indent: number;
  /** a table row's cells (the header row itself is not a block) */
  cells?: Cell[];
  /** the label before a colon or dash ("Training" in "Training: three sessions"), lower-cased */
  label: string;
  /** a tracker's issue exported as a heading ("## OPS-12 …"); `own` is the acceptance subsection under it, if any */
  ticket?: { own: Span | null };
}

/** An item's id: "D1", "D-3", "2.1", "A.2.1", "E2.2", "US-2", "CLIN 0001", "Story 1.1", "Epic 2", "(iv)", "a)". */
/** The words that name an item before its number or letter ("Work item 3", "LINE 002", "Item B"). */
const ID_WORDS = [
  String.raw`(?:work item|line item|item|line|sub-?task|task|deliverable|section|step|article|art\.|clause|part|milestone|`,
  String.raw`phase|stage|epic|pitch|story|feature|initiative|workstream|work package|module|req(?:uirement)?|`,
  String.raw`clin|annex|`,
  String.raw`schedule|exhibit|sprint)`,
].join("");
const ID_MARKER = new RegExp(
  [
    // ("Story BRN-11", "Feature TPS-A1", "Story LOC-1a-2": a project key before the number)
    String.raw`^(?:${ID_WORDS}\s+(?:[A-Z]?\d+(?:\.\d+)*[a-z]?|[A-Z]{1,4}[-‐][A-Z]?\d+[a-z]?(?:[.-][A-Z]?\d+[a-z]?)*|`,
    String.raw`[A-Z]\b|(?:I{1,3}|IV|VI{0,3}|IX|X)\b)|§\s*\d+(?:\.\d+)*|`,
    // (a story under its epic: "E1-1", "F2-3"; and a project key before the epic's letter: "KW-B2")
    String.raw`[A-Z]{1,4}[-‐]?\d+(?:\.\d+|-\d{1,2}(?!\d))*[a-z]?|[A-Z]{2,4}[-‐][A-Z]\d{1,3}(?:\.\d+)?|` +
      String.raw`\[[A-Z]{1,4}[-‐]?\d+(?:\.\d+)*[a-z]?\]|` +
      String.raw`[A-Z]\.\d+(?:\.\d+)*|`,
    // a roman section's item: "II.1", "IV.3"
    String.raw`(?:I{1,3}|IV|VI{0,3}|IX|X)\.\d+(?:\.\d+)*|`,
    String.raw`\d+(?:\.\d+)*(?:[a-z](?=[.)]))?|\(\d{1,2}\)|`,
    String.raw`\(?[ivx]{1,4}\)|\(?[a-z]\))(?=[.:)]?(?:\s|$)|[.)]\S)[.:)]?(?:\s+[—–-])?\s*`,
  ].join(""),
  "i",
);
/** An issue tracker's key before its title: "OPS-12 Rota import", "HRIS-7 Leave balances". */
const TICKET = /^\**([A-Z][A-Z0-9]{1,9}-\d{1,6})\**\s*[:—–-]?\s+(?=\S)/;
/** A tracker's work item by its type and number: "User Story 4410: …", "Feature 88 — …", "Bug #12: …". */
const WORK_ITEM = new RegExp(
  String.raw`^(epic|initiative|theme|feature|capability|user story|story|product backlog item|pbi|task|bug|issue)` +
    String.raw`\s+#?(\d{1,7}|[A-Z][A-Z0-9]{1,9}-\d{1,6})\s*[:—–-]\s+(?=\S)`,
  "i",
);
/** A work item's field: "State: Active", "Iteration Path: Release 2\\Sprint 4", "Acceptance Criteria:". */
const FIELD_LINE = /^[A-Z][A-Za-z/ ]{1,30}:(?:\s|$)/;
/** A tracker's label chips and estimate under an issue: "`area:payroll` `size:M` · Est: 3d". */
const CHIPS = /^(?:`[^`]+`\s*)+(?:[·|•-].*)?$|^(?:est(?:imate)?|points|labels?|size)\s*:/i;
/** A tracker item's field or label chip: "State: Active", "Story Points: 5", "`area:payroll`" (its "Description:" is
 * prose). */
export const TICKET_FIELD = /^(?:`[^`]+`|(?!description\b)[A-Z][A-Za-z/ ]{1,30}:(?:\s|$))/i;
const BULLET = /^[-–—•*◦▪·>+]+\s+|^\[[ x]\]\s+/;

const ID_WORD_LEAD = new RegExp(String.raw`^(${ID_WORDS})\s+(.*)$`, "i");

/**
 * "A. Migration …" followed by "B. …" (or after "A. …"): a capital letter and a full stop is an id when the letters
 * run, so a line opening with an initial ("J. Okafor signs …") is not one.
 */
function letterInRun(line: string, before: Span | undefined, after: Span | undefined): RegExpExecArray | null {
  const m = /^([A-Z])\.\s+(?=\S)/.exec(line);
  if (!m) return null;
  const code = m[1].charCodeAt(0);
  const opens = (s: Span | undefined, c: number) =>
    s !== undefined &&
    s.text
      .trimStart()
      .replace(BULLET, "")
      .startsWith(`${String.fromCharCode(c)}. `);
  return opens(after, code + 1) || opens(before, code - 1) ? m : null;
}

export function normalizeId(raw: string): string[] {
  const t = raw
    .trim()
    .replace(/[.:)(\]\s]+$/g, "")
    .replace(/^[([]/, "");
  const m = ID_WORD_LEAD.exec(t);
  // ("E1-1", a story numbered under its epic, is E1.1, not E11)
  const body = (m ? m[2] : t)
    .toUpperCase()
    .replace(/(\d)[-‐](\d)/g, "$1.$2")
    .replace(/[-‐—–\s]/g, "");
  const keys = new Set<string>([body]);
  const word = m?.[1].toLowerCase();
  if (word === "deliverable") keys.add(`D${body}`);
  if (word === "clin") keys.add(`CLIN${body}`);
  // "D3" is also referred to as "Deliverable 3"
  const d = /^D(\d+)$/.exec(body);
  if (d) keys.add(d[1]);
  return [...keys];
}

/** Text a redline deletes: "~~…~~", "[deleted: …]", "<del>…</del>". */
export const STRUCK =
  /~~[^~\n]+~~|\[(?:deleted|removed|struck|strike|del)\s*:[^\]\n]*\]|<(?:del|s)>[^<\n]*<\/(?:del|s)>/gi;
const STRUCK_LINE =
  /^(?:~~[^~\n]+~~|\[(?:deleted|removed|struck|strike|del)\s*:[^\]\n]*\]|<(?:del|s)>[^<\n]*<\/(?:del|s)>)[\s.;,]*$/i;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}/;
const isTableLine = (s: string) => {
  const t = s.trim();
  if (!t.includes("|")) return tabbed(t);
  return t.startsWith("|") ? t.length > 1 : (t.match(/ \| /g) ?? []).length >= 1 && (t.match(/\|/g) ?? []).length >= 2;
};
const ROW_ID = /^(?:[A-Z]{0,6}[-‐]?\d+(?:\.\d+)*[a-z]?|[IVX]{1,4}\.\d+(?:\.\d+)*)$/;
/** A row of two cells without outer bars ("1.2 | Accepted on receipt"): a table only among rows like it. */
// (its first cell a bare id or a column's name: "R-4 Career inventories | Comply" is an answered item, not a row)
const twoCells = (s: string) => {
  const t = s.trim();
  if (t.startsWith("|") || (t.match(/\|/g) ?? []).length !== 1 || !/ \| /.test(t)) return false;
  const [first, second] = t.split("|").map((c) => c.trim());
  // (or a lettered name and the clause it points to: "A. Tour inventory (2.1) | every slot sells to capacity")
  const named = first
    .replace(/^(?:[A-Z]|\d{1,2})[.)]\s+/, "")
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .trim();
  return (
    ROW_ID.test(first) ||
    (first.split(/\s+/).length <= 4 && !/\d/.test(first)) ||
    (named !== first && named.split(/\s+/).length <= 4 && !/\d/.test(named)) ||
    // ("Go-Live (D2 and D3) | 2 February 2026", "2. Hosting, annual | NZD 54,000.00": a thing and its figure)
    DATA_CELL.test(second) ||
    /^\d{1,2} [A-Z][a-z]+ \d{4}$|^[A-Z]{3} [\d,.]+$/.test(second)
  );
};
/** A row pasted from a spreadsheet: three or more cells split by tabs. */
const tabbed = (t: string) => (t.match(/\S\t+(?=\S)/g) ?? []).length >= 2;
/** A line that attaches to the item above it: a story's acceptance line, an indented detail. */
// (as do a milestone's labelled fields under its title: "Includes: …", "Ready when: …")
const STORY_LINE =
  /^(?:(?=\S+(?:\s+\S+){3})(?:AC|A\/C|given\b|given\/when\/then|when\b.*\bthen\b|done (?:when|means|looks like)|dod)\b|(?:ready (?:when|means|if)|includes)\s*:)/i;
const ACCEPT_LINE = new RegExp(
  [
    String.raw`^(?=\S+(?:\s+\S+){3})(?:acceptance(?: criteria)?|accepted|test(?:ed)?|verified|`,
    String.raw`verification|success criteria|completion|${ACCEPTANCE_ABROAD})\b`,
  ].join(""),
  "i",
);

const LEAD_IN = /^(?:in|for|the|this|as|under|where|when|if|with|to|by|from|each|all)\b/i;

/** A table cell that holds an amount, a quantity or a date rather than a column name. */
const DATA_CELL = new RegExp(
  [
    String.raw`^[$€£₹]?\s?\d[\d,.]*\s*\S{0,3}$|[$€£₹]\s?\d|`,
    String.raw`^\d{4}-\d{2}-\d{2}\b|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b`,
  ].join(""),
);
/**
 * A row that is a record, not a table's column names: led by an item's id with words after it ("K-1 | All staff
 * licensed | Owner: …") or carrying a field of its own ("… | Owner: D. Ames", "… | Status: open").
 */
const recordRow = (cells: { text: string }[]) =>
  (cells.length > 1 && ROW_ID.test(cells[0].text) && /\S+\s+\S+\s+\S/.test(cells[1].text)) ||
  cells.some((c) => /^(?:(?:delivery\s+)?owner|assignee|assigned to|status|agent)\s*:\s*\S/i.test(c.text));
/** A line that opens with a bullet or a checkbox. */
const ITEM_MARK = /^\s*(?:[-–—•*◦▪·+]|\[[ x]\])/;

// a release named by a number or a label ("RELEASE: MVP", "Release 2 —", "R2"), never "Release goals"
const RELEASE_GROUP = /^release\s*(?:[:#—–-]|\d|r\d\b)/i;
const WORK_SECTIONS = new Set(["scope", "deliverables", "out_of_scope", "fees", "schedule"]);
const NOT_BOUGHT = new RegExp(
  String.raw`\bnot (?:part of|in|included in|covered by) (?:this|the) (?:sow|scope|contract|order|release)\b|` +
    String.raw`\bout of scope\b|\bfor reference only\b`,
  "i",
);

/** The sentence a title case line is a heading: short, no sentence punctuation, mostly capitalized words. */
function looksLikeHeading(body: string, nextIndentDeeper: boolean): boolean {
  const plain = body.replace(/[*_#]/g, "").trim();
  const words = plain.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 10) return false;
  if (/^[A-Z0-9][A-Z0-9 &/,.'()—–-]+$/.test(plain) && /[A-Z]{3}/.test(plain)) return true; // ALL CAPS
  if (
    /:\s*$/.test(plain) &&
    words.length <= 6 &&
    !/^(?:in|for|the|this|as|under|where|when|if|with|to|by|from|each|all)\b/i.test(plain)
  )
    return true;
  if (nextIndentDeeper && !/[.;]$/.test(plain)) return true;
  // a plain-English heading asks its question without a question mark ("What we will do for you")
  if (/^(?:what|how|who|when|where|why|which)\b/i.test(plain) && words.length <= 8 && !/[.;,]$/.test(plain))
    return true;
  return false;
}

function indentOf(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end && (text[i] === " " || text[i] === "\t"); i++) n += text[i] === "\t" ? 4 : 1;
  return n;
}

export interface DocumentModel {
  text: string;
  blocks: Block[];
}

export const documentOf = memo(512, parseDocument);

/**
 * Is a block part of a field's title block? A CS requirement list has none: a short line there that ends as a
 * sentence is a requirement.
 */
export function inTitleBlock(b: Block, requirementList: boolean): boolean {
  if (b.section.kind !== "title") return false;
  return !(requirementList && /[.!]\s*$/.test(b.text) && b.text.split(/\s+/).length >= 5);
}

// a success plan's aims: the customer's own targets, not work promised ("Outcome: 1,000 completions in six months")
const AIM = /^(?:outcomes?|goals?|targets?|kpis?|success (?:measures?|metrics?|criteria))$/;
/** The spans of a field's blocks that state the customer's aims (under "Outcomes", or labelled "Goal:"). */
export const aimSpans = memo(256, (text: string): Span[] =>
  documentOf(text)
    .blocks.filter((b) => !b.heading && (AIM.test(b.section.title) || AIM.test(b.label)))
    .map((b) => ({ start: b.start, end: b.end, text: b.text })),
);

const DOC_TITLE = new RegExp(
  [
    String.raw`\bstatement of work\b|\bsow\b|\bwork statement\b|\border form\b|\bquot(?:e|ation)\b|`,
    String.raw`\bproposal\b|\bexhibit\b|\bagreement\b|\bstatement of (?:services|objectives)\b|`,
    String.raw`\bperformance work statement\b|^scope of services$`,
  ].join(""),
  "i",
);

function parseDocument(text: string): DocumentModel {
  const blocks: Block[] = [];
  const ll = logicalLines(text).filter((l) => l.text.trim() !== "");
  const joined = (a: Span, b: Span) => !/\n[ \t]*\r?\n/.test(text.slice(a.end, b.start));
  const fixed = fixedWidthColumns(text, ll, joined);
  const tableRow = ll.map(
    (ln, li) =>
      fixed[li] !== null ||
      isTableLine(ln.text) ||
      (twoCells(ln.text) &&
        ((li > 0 && twoCells(ll[li - 1].text) && joined(ll[li - 1], ln)) ||
          (li + 1 < ll.length && twoCells(ll[li + 1].text) && joined(ln, ll[li + 1])))),
  );
  let section: Section = { kind: "none", title: "" };
  let header: string[] | null = null;
  // the header was read and no data row has come yet
  let headerOnly = false;
  let seenStructure = false;
  // a labelled line whose sub-lines are indented under it ("Delivery schedule — confirmed by …" over its dates) is
  // their section until the indentation ends
  let opened: { prev: Section; section: Section; indent: number } | null = null;
  let numberedHeading: { id: string; prev: Section; section: Section } | null = null;
  const ticketHeadings = ll.filter((l) => {
    const t = l.text.trim();
    const m = MD_HEADING.exec(t);
    return m !== null && TICKET.test(t.slice(m[0].length));
  }).length;
  const workItems = ll.filter((l) => WORK_ITEM.test(l.text.trim())).length;
  let parentOwn: Span | null = null;
  for (let li = 0; li < ll.length; li++) {
    const ln = ll[li];
    const indent = indentOf(text, ln.start, ln.end);
    if (opened && indent <= opened.indent) {
      if (section === opened.section) section = opened.prev;
      opened = null;
    }
    let start = ln.start;
    while (start < ln.end && /[\s>]/.test(text[start])) start++;
    const body = text.slice(start, ln.end);
    if (/^[-=_*]{3,}\s*$/.test(body)) continue;
    // a struck-out line of a redline is no longer part of the document
    if (STRUCK_LINE.test(body.replace(ID_MARKER, "").replace(BULLET, ""))) continue;
    // tables: a run of pipe lines; the first row names the columns
    // a lone line with bars ("Status: Won | Next step: handoff | Notes: …") is a record's fields, not a table
    // (a blank line ends a table: "Order Form 12 | Term: 24 months" above one is not its header)
    const lone =
      !(li > 0 && tableRow[li - 1] && joined(ll[li - 1], ln)) &&
      !(li + 1 < ll.length && tableRow[li + 1] && joined(ln, ll[li + 1])) &&
      !body.trim().startsWith("|");
    // a record line right above a ruled table ("Term: 36 months | Payment: net 30" over "| SKU | Qty |" and its
    // rule) is not one of its rows
    const overRuled =
      !(li > 0 && tableRow[li - 1]) &&
      li + 2 < ll.length &&
      TABLE_RULE.test(ll[li + 2].text.trim()) &&
      !body.trim().startsWith("|");
    // nor is a first line of record fields ("Client: Acme | Term: 30 months, starting 01-10-2027 | Billing: annual")
    const fieldsAbove =
      !(li > 0 && tableRow[li - 1] && joined(ll[li - 1], ln)) &&
      !body.trim().startsWith("|") &&
      body.split("|").filter((c) => /^\s*[A-Z][\w .&/-]{1,25}:\s+\S/.test(c)).length >= 2;
    if (tableRow[li] && !lone && !overRuled && !fieldsAbove) {
      if (TABLE_RULE.test(body)) continue;
      // a wiki table's header row doubles its bars ("||Key||Summary||")
      // (a spreadsheet row led by a tab leaves its first cell blank: the group of the row above)
      // (a fixed-width row whose first cells wrap onto a line of their own continues on the next line)
      const wraps =
        fixed[li] !== null &&
        li + 1 < ll.length &&
        fixed[li + 1] === fixed[li] &&
        wrapsOnto(ln, ll[li + 1], fixed[li]!);
      const cells = fixed[li]
        ? fixedCells(text, wraps ? [ln, ll[li + 1]] : [ln], fixed[li]!)
        : splitCells(text, text[ln.start] === "\t" && !body.includes("|") ? ln.start : start, ln.end).filter(
            (c, i) => !(body.startsWith("||") && !c.text && i > 0),
          );
      if (body.startsWith("||")) {
        header = cells.filter((c) => c.text).map((c) => c.text.toLowerCase());
        continue;
      }
      const prevIsTable = li > 0 && tableRow[li - 1] && joined(ll[li - 1], ln);
      // a row with a rule under it ("|---|---|") is a header, whatever came before it
      const ruled = li + 1 < ll.length && TABLE_RULE.test(ll[li + 1].text.trim());
      if (ruled) {
        header = cells.map((c) => c.text.toLowerCase());
        continue;
      }
      // (a labelled figure is data too: "OF 0091 | Term: 24 months | CLP")
      const dataLike =
        cells.filter((c) => DATA_CELL.test(c.text) || /^[\p{L} ]{2,20}:\s*\d/u.test(c.text.trim())).length +
        Number(recordRow(cells));
      if (!prevIsTable || !header) {
        // a first row of names is the header; a first row that holds amounts or quantities is data without one
        header = dataLike ? cells.map(() => "") : cells.map((c) => c.text.toLowerCase());
        headerOnly = !dataLike;
        if (!dataLike) continue;
      } else if (headerOnly && !dataLike && cells.length !== header.length) {
        // a title line above the table ("ORDER FORM 25-11 | Acme | Term 36 months") is not its header: the row of
        // names under it, with the data's own number of columns, is
        header = cells.map((c) => c.text.toLowerCase());
        continue;
      }
      headerOnly = false;
      const withHeader = cells.map((c, i) => ({ ...c, header: header![i] ?? "" }));
      const described = describingCell(withHeader);
      if (!described) continue;
      // a row led by its id in a column of its own ("II.4 | TBD", "1.2 | Accepted on receipt") is described by
      // the cell after it
      const main =
        described === withHeader[0] && ROW_ID.test(described.text) && withHeader[1]?.text ? withHeader[1] : described;
      const idCell =
        withHeader.find(
          (c) =>
            /^(?:id|#|no\.?|ref|item|d#|clin|line)$/i.test(c.header) &&
            c !== main &&
            // (a lettered row, "A | Conversion plan | 8 May", is as much an id as "D-3")
            (/^[A-Z]{0,6}[-‐]?\d+(?:\.\d+)*[a-z]?$/i.test(c.text) || /^[A-Z]$/.test(c.text)),
        ) ??
        (withHeader[0] !== main &&
        (/^[A-Z]{0,4}[-‐]?\d+(?:\.\d+)*[a-z]?$/i.test(withHeader[0]?.text ?? "") ||
          ROW_ID.test(withHeader[0]?.text ?? "")) &&
        !/^\d{2,}$/.test(withHeader[0].text)
          ? withHeader[0]
          : undefined);
      // ("| 1 Pesée | 100 tickets … |" under an acceptance title: the item column names the row it accepts by number
      // and name in one cell)
      const numberedName =
        idCell ||
        section.kind !== "acceptance" ||
        !/^(?:id|#|no\.?|ref|item|items|deliverables?|d#|line)$/i.test(withHeader[0]?.header ?? "")
          ? null
          : /^([A-Z]{0,4}[-‐]?\d+(?:\.\d+)*[a-z]?)(?:\s+|\s*[.:—–-]\s*)\p{L}/u.exec(withHeader[0].text);
      const rawId = idCell?.text ?? numberedName?.[1] ?? null;
      blocks.push({
        start: ln.start,
        end: wraps ? ll[li + 1].end : ln.end,
        text: text.slice(ln.start, wraps ? ll[li + 1].end : ln.end),
        rawId,
        ids: rawId ? normalizeId(rawId) : [],
        head: main,
        heading: false,
        group: false,
        section: tableSection(withHeader, main, section, header!) ?? section,
        indent,
        cells: withHeader,
        label: main.text.toLowerCase(),
      });
      if (wraps) li++;
      seenStructure = true;
      continue;
    }
    header = null;
    // Markdown ("## Scope") and wiki ("h2. Scope") headings
    const md = MD_HEADING.exec(body) ?? /^h[1-6]\.\s+/.exec(body);
    // a tracker's issue exported as a heading ("## OPS-12 Rota import" over its label chips, description and its
    // own "### Acceptance") is one work item, named by its heading, to the next heading as high as its own
    if (md && ticketHeadings >= 2 && TICKET.test(body.slice(md[0].length))) {
      const level = /^#*/.exec(body)![0].length || 9;
      let last = li;
      while (last + 1 < ll.length) {
        const nb = ll[last + 1].text.trim();
        const nmd = MD_HEADING.exec(nb);
        if (nmd && (/^#*/.exec(nb)![0].length || 9) <= level) break;
        last++;
      }
      const contentStart = start + md[0].length;
      const key = TICKET.exec(body.slice(md[0].length))![1];
      const item = block(text, ln, key, contentStart, false, false, section, indent, key);
      // its name is the heading and the first sentence of its description, below the label chips
      const inside = ll.slice(li + 1, last + 1);
      const said = inside.findIndex((l) => !CHIPS.test(l.text.trim()));
      const described = said >= 0 && !MD_HEADING.test(inside[said].text.trim()) ? inside[said] : null;
      const first = described ? sentences(text, described.start, described.end)[0] : null;
      item.head = trimSpan(text, contentStart, first?.end ?? ln.end);
      // and its own "### Acceptance" subsection, where it has one, is what accepts it
      const sub = inside.findIndex((l) => {
        const t = l.text.trim();
        const m = MD_HEADING.exec(t);
        return m !== null && sectionKind(t.slice(m[0].length).replace(/[*_]/g, "")) === "acceptance";
      });
      const after = inside.slice(sub + 1).findIndex((l) => MD_HEADING.test(l.text.trim()));
      const ownEnd = sub < 0 ? 0 : inside[after < 0 ? inside.length - 1 : sub + after].end;
      item.ticket = { own: sub < 0 || ownEnd <= inside[sub].end ? null : trimSpan(text, inside[sub].end, ownEnd) };
      extendTo(text, item, ll[last].end);
      if (!["scope", "deliverables", "none"].includes(section.kind))
        item.section = { kind: "scope", title: item.label };
      blocks.push(item);
      seenStructure = true;
      li = last;
      continue;
    }
    // a work item of a tracker's export ("User Story 4410: As a clerk I want …" over its indented fields, "State:",
    // "Iteration Path:" and "Acceptance Criteria:") is one item to the next line as far left as its own
    const record = !md && workItems >= 2 ? WORK_ITEM.exec(body) : null;
    const fieldIndent = li + 1 < ll.length ? indentOf(text, ll[li + 1].start, ll[li + 1].end) : 0;
    if (record && fieldIndent > indent && FIELD_LINE.test(ll[li + 1].text.trim())) {
      // (its fields only: a line as far in as they are that is no field, a story under an epic, ends it)
      const inRecord = (l: Span) => {
        const at = indentOf(text, l.start, l.end);
        return at > fieldIndent || (at === fieldIndent && FIELD_LINE.test(l.text.trim()));
      };
      let last = li;
      while (last + 1 < ll.length && inRecord(ll[last + 1])) last++;
      const epic = /^(?:epic|initiative|theme)\b/i.test(record[1]);
      const item = block(text, ln, record[2], start, false, epic, section, indent, "");
      item.head = trimSpan(text, start, ln.end);
      extendTo(text, item, ll[last].end);
      // its "Acceptance Criteria:" field and the lines under it; "see parent" is the criteria of the feature above
      const inside = ll.slice(li + 1, last + 1);
      const at = inside.findIndex((l) => /^\s*acceptance criteria\s*:/i.test(l.text));
      let own: Span | null = null;
      if (at >= 0) {
        const field = indentOf(text, inside[at].start, inside[at].end);
        let end = at;
        while (end + 1 < inside.length && indentOf(text, inside[end + 1].start, inside[end + 1].end) > field) end++;
        const from = inside[at].start + inside[at].text.indexOf(":") + 1;
        own =
          inside[end].end > from && text.slice(from, inside[end].end).trim()
            ? trimSpan(text, from, inside[end].end)
            : null;
      }
      if (own && /^(?:see|as per|same as|per)\s+(?:the\s+)?parent\b/i.test(own.text)) own = parentOwn;
      else if (!epic && /^(?:feature|capability)\b/i.test(record[1])) parentOwn = own;
      item.ticket = { own };
      if (!["scope", "deliverables", "none"].includes(section.kind)) section = { kind: "scope", title: "work items" };
      item.section = section;
      blocks.push(item);
      seenStructure = true;
      li = last;
      continue;
    }
    const bullet = md ? null : BULLET.exec(body);
    // an id after a bullet, possibly in bold ("- **RM-1** Lot control")
    const afterBullet = bullet ? body.slice(bullet[0].length) : body;
    const boldId = /^(\*\*|__)([^*_]{1,16}?)\1\s*/.exec(afterBullet);
    const idSource = boldId ? `${boldId[2]} ${afterBullet.slice(boldId[0].length)}` : afterBullet;
    const idFound = md ? null : (ID_MARKER.exec(idSource) ?? letterInRun(idSource, ll[li - 1], ll[li + 1]));
    // after a bullet, an id has a digit or an item word ("- ITEM B:"), so "- a) …" stays a bullet
    // ("30 firms in the pilot": a bare number before a lower-case word counts something, it numbers nothing)
    const counted =
      idFound !== null && /^\d+\s+$/.test(idFound[0]) && /^\p{Ll}/u.test(idSource.slice(idFound[0].length));
    // (a key and an epic's letter, "KW-B2", marks an item among its kind; the field's first line is its title:
    // "GCN-R1 Release Plan — …")
    const keyedTitle = li === 0 && idFound !== null && /^[A-Z]{2,4}[-‐][A-Z]\d/.test(idFound[0]);
    const idm =
      idFound && !counted && !keyedTitle && (!bullet || /\d/.test(idFound[0]) || ID_WORD_LEAD.test(idFound[0]))
        ? idFound
        : null;
    const idLen = idm ? (boldId ? boldId[0].length : idm[0].length) : 0;
    const markerLen = md?.[0].length ?? (bullet ? bullet[0].length + idLen : idLen);
    const contentStart = start + markerLen;
    const content = text.slice(contentStart, ln.end);
    const next = ll[li + 1];
    const nextDeeper = next !== undefined && indentOf(text, next.start, next.end) > indent;
    const underlined = false;
    // a sub-line belongs to the item above it
    const prev = blocks[blocks.length - 1];
    const afterBlank = li > 0 && /\n[ \t]*\r?\n/.test(text.slice(ll[li - 1].end, ln.start));
    const prevIsItem = prev !== undefined && (prev.rawId !== null || ITEM_MARK.test(prev.text));
    // (as do the bullets under an item's own "Acceptance:" line: "• Given …, when …, then …")
    const underAcceptance =
      prev !== undefined &&
      bullet !== null &&
      !idm &&
      indent > prev.indent &&
      prevIsItem &&
      /\n[ \t]*(?:acceptance(?: criteria)?|ac)\s*[:▸›—–-]?\s*$/i.test(prev.text);
    // (and a story's checklist, indented under it: "ROS-1.1 Nightly sync …" over "- [ ] every section appears …")
    const checklist =
      prev !== undefined &&
      !afterBlank &&
      !idm &&
      prev.rawId !== null &&
      !prev.heading &&
      indent > prev.indent &&
      /^\s*(?:[-–•*◦▪]\s+)?\[[ xX✓]?\]\s/.test(body);
    if (
      underAcceptance ||
      checklist ||
      (prev &&
        !afterBlank &&
        !prev.heading &&
        !prev.cells &&
        !md &&
        !idm &&
        !bullet &&
        prev.section.kind !== "title" &&
        (STORY_LINE.test(content) ||
          // a scenario's later steps follow its "Given" ("When they submit …", "Then a number is returned …")
          (/^(?:when|then|and|but)\b/i.test(content) && /(?:^|\n)\s*given\b/i.test(prev.text)) ||
          (indent > prev.indent &&
            !prev.group &&
            prevIsItem &&
            (!ACCEPT_LINE.test(content) || !referencedIds(content).size))))
    ) {
      prev.end = ln.end;
      prev.text = text.slice(prev.start, prev.end);
      // (what a milestone titled in a few words includes names its work: "M4 — Webshop" over "Includes: …")
      const includes = /^includes\s*:\s*/i.exec(content);
      if (includes && prev.head.text.split(/\s+/).length <= 6 && prev.head.end <= ln.start)
        prev.head = trimSpan(text, contentStart + includes[0].length, ln.end, /[\s.;]/);
      continue;
    }
    const core = content
      .replace(/\([^)]*\)/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    const words = core.replace(/[*_#]/g, "").trim().split(/\s+/).filter(Boolean);
    const inlineLabel =
      /^([^:.—–▸›]{2,60}?)\s*(?::|\s[—–▸›-]\s)\s*(\S.*)?$/.exec(core) ??
      (() => {
        const m = /^([A-Z][\w &/-]{2,40}?)\.\s+(\S.*)$/.exec(core);
        return m && sectionKind(m[1]) !== "other" && m[1].split(/\s+/).length <= 4 ? m : null;
      })();
    const labelText = (inlineLabel?.[1] ?? core)
      .replace(/[*_#()]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    // headings: Markdown, underlined, ALL CAPS, a short titled line; numbered headings ("1.0 PURPOSE", "SECTION 3.
    // FEES")
    // ("Sprint calendar — confirmed by delivery (…)": a title and who approved what follows; or a section's name and
    // a subtitle: "Scope — Milestones")
    const approvedRest = /^(?:as )?(?:confirmed|approved|agreed|signed off|validated)\b/i.test(inlineLabel?.[2] ?? "");
    // ("Collaudo — applies to each item listed above": a title and what it covers)
    const coversRest = /^(?:applies|applying) to (?:every|each|all)\b[^.;]{0,60}$/i.test(inlineLabel?.[2] ?? "");
    const titledRest =
      approvedRest ||
      coversRest ||
      (/^\p{L}[\p{L} &/-]{0,30}$/u.test(inlineLabel?.[2] ?? "") &&
        /\s[—–]\s/.test(core) &&
        seenStructure &&
        inlineLabel![2].split(" ").length <= 3 &&
        sectionKind(inlineLabel![1]) !== "other" &&
        sectionKind(inlineLabel![2]) !== "other");
    // ("Inspection and Acceptance by the Technical Authority (TA)": a longer title in Title Case is a title still)
    // (not a document's own title over its first lines: "Transfer Pricing Operating Model & Documentation")
    const titleCase =
      seenStructure &&
      words.length <= 10 &&
      !/[.:;]$/.test(core) &&
      words.filter((w) => /^\p{L}{4,}/u.test(w)).every((w) => /^\p{Lu}/u.test(w));
    const titleOnly =
      (!inlineLabel?.[2] || titledRest) &&
      // (a priced line, "Set-up 32 000 €", is no title)
      !PRICED_LINE.test(core) &&
      // (who approved it and when may take a comma: "Release plan — approved by J. Soto, 2025-06-04")
      (words.length <= 7 || titleCase || ((approvedRest || coversRest) && inlineLabel![1].split(" ").length <= 4)) &&
      !/[;]|,(?!\d)/.test(approvedRest ? inlineLabel![1] : core) &&
      (!/[.]$/.test(core) || words.length <= 4) &&
      (!/\b(?:shall|will|must|is|are)\b/i.test(core) || /^(?:what|how|who|when|where|why|which)\b/i.test(core));
    // ("TASK 2 KENNEL PROGRAMME MANAGEMENT": a numbered task is work, whatever it is about, in the work section it
    // stands in)
    // ("Teslimatlar (deliverables)", "Kabul (acceptance)": a title in another language glossed in English)
    // (and "Zaman planı (approved — E. Kaya, 20/01/2026)": a plan someone approved is the schedule)
    const gloss = /\(([\p{L} -]{3,30})\)\s*$/u.exec(inlineLabel?.[1] ?? content.trim())?.[1];
    const approvedPlan = /^[^()]{3,40}\((?:approved|confirmed|agreed|signed off)\b[^()]*\)$/i.test(content.trim());
    const labelKind = sectionKind(labelText);
    const ownKind =
      labelKind !== "other" ? labelKind : gloss ? sectionKind(gloss) : approvedPlan ? "schedule" : "other";
    const titleKind =
      /^(?:sub-?)?task\b/i.test(body) && ownKind !== "other" && ownKind !== "acceptance"
        ? section.kind === "deliverables"
          ? "deliverables"
          : "scope"
        : ownKind;
    // ("3. RELEASE: MVP" over its features)
    const release = RELEASE_GROUP.test(content.trim());
    const groupWord =
      release ||
      /^(?:epic|initiative|phase|stage|(?:work)?stream|track|feature|module|work package|part|milestone)\b/i.test(
        body,
      ) ||
      /^E\d+$/i.test(idm?.[0].trim().replace(/[.:)]$/, "") ?? "");
    const alwaysGroup =
      release ||
      /^(?:epic|initiative|feature|(?:work)?stream|work package|module)\b|^pitch\s+(?:\d+|[A-Z])\b/i.test(body) ||
      /^E\d+$/i.test(idm?.[0].trim().replace(/[.:)]$/, "") ?? "");
    const childFollows =
      idm !== null &&
      next !== undefined &&
      (() => {
        const nb = text.slice(next.start, next.end).trim();
        const nm = ID_MARKER.exec(nb);
        const mine = normalizeId(idm[0])[0];
        return (nm !== null && normalizeId(nm[0])[0].startsWith(`${mine}.`)) || nextDeeper;
      })();
    // ("PB-1  Lesson products (5 pts)" over "  Private 1h / 2h …" and its "  GIVEN … THEN …": a story and its own
    // indented lines, an item with a body, not a heading)
    const bodyFollows =
      idm !== null &&
      nextDeeper &&
      next !== undefined &&
      (() => {
        const nb = text.slice(next.start, next.end).trim();
        return !ID_MARKER.test(nb) && !BULLET.test(nb) && !/:\s*$/.test(nb);
      })();
    // "3. Rate-card import." followed by "4. Claims workflow.": a list item, not a section
    // "D1 Design document" followed by "D2 Test build": lettered ids in a run are items too, full stop or not
    const siblingFollows =
      idm !== null &&
      next !== undefined &&
      (() => {
        const nm = ID_MARKER.exec(text.slice(next.start, next.end).trim());
        if (nm === null || /^(?:section|article|art\.|clause|part|§)/i.test(idm[0])) return false;
        const [mine, theirs] = [normalizeId(idm[0])[0], normalizeId(nm[0])[0]];
        const letters = (id: string) => /^[A-Z]+/.exec(id)?.[0] ?? "";
        return (
          mine.split(".").length === theirs.split(".").length &&
          (/[.]$/.test(core) || (letters(mine) !== "" && letters(mine) === letters(theirs)))
        );
      })();
    // the last item of a numbered list ("5. …" after "4. …", nothing after it) is an item, not a heading
    // (a list's items end alike: an unpunctuated line after an unpunctuated item is an item too)
    const siblingBefore =
      idm !== null &&
      prev?.rawId != null &&
      (/[.]$/.test(core) || !/[.:;]$/.test(prev.text.trim())) &&
      !prev.heading &&
      !/^(?:section|article|art\.|clause|part|§)/i.test(idm[0]) &&
      normalizeId(prev.rawId)[0]?.split(".").length === normalizeId(idm[0])[0].split(".").length &&
      /^\d/.test(prev.rawId) === /^\d/.test(idm[0]);
    // lettered or deeper paragraphs come next ("(a) This procedure applies …")
    // (asked only of a short numbered title, so the common line pays nothing)
    const paragraphsFollow = () =>
      next !== undefined &&
      idm !== null &&
      (nextDeeper ||
        (() => {
          const nm = ID_MARKER.exec(text.slice(next.start, next.end).trim());
          if (!nm) return false;
          const shape = (id: string) => `${/^\d/.test(id) ? "n" : "a"}${id.split(".").length}`;
          return shape(normalizeId(nm[0])[0] ?? "") !== shape(normalizeId(idm[0])[0] ?? "");
        })());
    const workId =
      idm !== null && /^(?:deliverable|item|story|feature|req|requirement|work item|line item|clin)\b/i.test(idm[0]);
    let heading = Boolean(md) || underlined;
    let group = false;
    // ("Stream B — Interfaces (fixed fee)": a group word's label and a short name head a group too)
    const namedGroup = alwaysGroup && (words.length <= 7 || release) && !/[.;]$/.test(core);
    // ("Section 5 — The Council provides": a numbered section's title may open with an article)
    const titledSection =
      idm !== null &&
      /^(?:section|article|art\.|clause|part)(?:\b|\s)/i.test(idm[0]) &&
      titleKind !== "other" &&
      !/[.]$/.test(core);
    // (a group's name may be any phrase: "Pitch 1 — Where is my load?")
    // ("M4 — Payments" over "Includes: …" is a milestone of work, whatever its title's words)
    const includesFollows = next !== undefined && /^\s*includes\s*:/i.test(text.slice(next.start, next.end));
    if (
      !heading &&
      !includesFollows &&
      !(bodyFollows && titleKind === "other" && !groupWord) &&
      (titleOnly || namedGroup) &&
      // (a title in capitals may open with an article too: "2. THE SERVICES")
      // ("In scope" is a title, though "In" opens many a sentence)
      (!LEAD_IN.test(content) ||
        /^in[- ]scope\s*$/i.test(core) ||
        titledSection ||
        namedGroup ||
        (idm !== null && words.length <= 6 && core === core.toUpperCase() && /\p{Lu}{3}/u.test(core)))
    ) {
      const priceBasis = /\bfixed (?:fee|price)\b|\btime (?:&|and) materials\b|\bt&m\b/i.test(labelText);
      if (
        alwaysGroup ||
        ((idm || bullet === null) &&
          (childFollows || groupWord) &&
          (titleKind === "scope" || titleKind === "other" || (priceBasis && childFollows)))
      )
        group = true;
      // a numbered title over a table ("1. Price list" over its "| Item | Qty |" rows) names the table: its rows
      // are the items
      else if (
        idm &&
        titleKind === "other" &&
        !workId &&
        !siblingBefore &&
        !/[.:;]$/.test(core) &&
        next !== undefined &&
        /^\s*\|/.test(text.slice(next.start, next.end))
      )
        group = true;
      else if (
        looksLikeHeading(core, nextDeeper) ||
        (idm && titleKind !== "other" && words.length <= 6 && !siblingFollows && !siblingBefore && !workId) ||
        // a numbered item that is only a section's name ("A8. Acceptance", "7. Schedule") opens that section
        // (one its id calls a deliverable or a task is work: "Deliverable 5.2 Incident-mode pricing override.")
        (idm &&
          !workId &&
          !/[.;:]$/.test(core.replace(/\.$/, "")) &&
          /^(?:acceptance|schedule|fees|out_of_scope|assumptions|responsibilities|change|definitions|deliverables)$/.test(
            titleKind,
          ) &&
          ((words.length <= 2 && core.replace(/[.:]$/, "").trim().toLowerCase() === labelText.toLowerCase()) ||
            // ("2.10 Acceptance Testing Procedure." over its lettered paragraphs)
            (words.length <= 4 &&
              paragraphsFollow() &&
              core.replace(/[.:]$/, "").trim().toLowerCase() === labelText.replace(/[.:]$/, "").toLowerCase()))) ||
        (!idm && !bullet && titleKind !== "other" && (words.length <= 5 || titledRest || titleCase)) ||
        (coversRest && titleKind !== "other" && !workId)
      )
        heading = true;
    }
    // a lead-in inside a work section ("Task 9. Run the help desk:") groups the items under it
    // (as does a numbered task over its numbered deliverables, whatever it is called: "Task 2 — Governance")
    if (
      heading &&
      !md &&
      (titleKind === "other" || (childFollows && /^(?:task|clin|work package|phase|stage)\b/i.test(body))) &&
      (section.kind === "scope" || section.kind === "deliverables") &&
      (idm || /:\s*$/.test(core))
    ) {
      heading = false;
      group = true;
    }
    // a numbered group titled as the work ("Section 3. Tasks" over 3.1, 3.2 …) opens the scope
    if (group && alwaysGroup && NOT_BOUGHT.test(content))
      section = { kind: "out_of_scope", title: labelText.toLowerCase() };
    else if (group && (titleKind === "scope" || titleKind === "deliverables") && section.kind !== titleKind)
      section = { kind: titleKind, title: labelText.toLowerCase() };
    // (a release or an epic is work wherever it stands, "3. RELEASE: MVP" after the Definition of Ready, unless it
    // says it is not bought: "4. RELEASE: R2 — sized for reference only")
    else if (group && alwaysGroup && titleKind === "other" && !WORK_SECTIONS.has(section.kind))
      section = { kind: "scope", title: labelText.toLowerCase() };
    if (heading) {
      const before = section;
      // (an exhibit's or annex's heading opening the field is the document's own title)
      const docTitle =
        !seenStructure &&
        li < 3 &&
        (DOC_TITLE.test(labelText) || /^(?:exhibit|annex|attachment|appendix)\b/i.test(idm?.[0] ?? ""));
      // a Markdown page's top-level heading over its "##" sections is its title, and the lines under it its preamble
      if (li === 0 && /^#\s/.test(body) && ll.some((l) => /^##\s/.test(l.text.trim()))) {
        section = { kind: "title", title: "" };
        blocks.push(block(text, ln, null, contentStart, true, false, section, indent, labelText));
        continue;
      }
      if (docTitle) {
        blocks.push(
          block(text, ln, idm?.[0] ?? null, contentStart, true, false, { kind: "title", title: "" }, indent, labelText),
        );
        continue;
      }
      // a lead-in at the top ("What we're doing for you:") opens the list below it; a bare title line does not
      const opensList =
        next !== undefined &&
        (BULLET.test(text.slice(next.start, next.end).trim()) ||
          ID_MARKER.test(text.slice(next.start, next.end).trim()));
      section = {
        kind:
          titleKind === "other" && section.kind === "none" && !seenStructure
            ? opensList
              ? "none"
              : "title"
            : titleKind,
        title: labelText.toLowerCase(),
      };
      if (/^(?:section|article|clause|part)\b/i.test(labelText) || /^\d/.test(labelText))
        section = {
          kind: sectionKind(labelText.replace(/^(?:section|article|clause|part)\s+[\dA-Z.]+\s*/i, "")),
          title: labelText.toLowerCase(),
        };
      blocks.push(block(text, ln, idm?.[0] ?? null, contentStart, true, false, section, indent, labelText));
      seenStructure = true;
      // a clause numbered among items ("2.10 Acceptance Testing Procedure." between 2.9 and 2.11) heads only its
      // own paragraphs: the next item of its rank goes back to the section it interrupted
      // (a heading "N.0" after "M.5" numbers a section of its own: N.1, N.2 … are its items, not its siblings)
      const sectionNumber = idm !== null && /^\d+\.0$/.test(normalizeId(idm[0])[0]);
      numberedHeading =
        idm && siblingBefore && !sectionNumber ? { id: normalizeId(idm[0])[0], prev: before, section } : null;
      continue;
    }
    if (numberedHeading && idm && section === numberedHeading.section) {
      const [mine, theirs] = [normalizeId(idm[0])[0], numberedHeading.id];
      const parent = (id: string) => id.split(".").slice(0, -1).join(".");
      if (mine.split(".").length === theirs.split(".").length && parent(mine) === parent(theirs)) {
        section = numberedHeading.prev;
        numberedHeading = null;
      }
    }
    // the first numbered or bulleted line ends a title block ("MEMORANDUM / TO: / RE: … 1. …")
    if (section.kind === "title" && (idm || bullet)) section = { kind: "none", title: "" };
    // an inline label that names a section ("Assumptions: …", "Fees — …") is a one-line section of its own
    let own = section;
    if (inlineLabel && inlineLabel[1].split(/\s+/).length <= 4) {
      const k = sectionKind(inlineLabel[1]);
      const sectionMarker = idm !== null && /^(?:§|section|article|art\.|part|clause)/i.test(idm[0]);
      const plainLine = !idm && !bullet;
      // (a clause's run-in title, "2.12 Charges and Indexation. The Charges are …", names what the clause is)
      const runIn =
        core.startsWith(`${inlineLabel[1]}. `) &&
        /^[A-Z][\w-]*(?:\s+(?:(?:and|&|of|the|for)\s+)?[A-Z][\w-]*)*$/.test(inlineLabel[1].trim());
      const neverWork =
        (k !== "fees" || runIn) && k !== "other" && k !== "scope" && k !== "deliverables" && k !== "background";
      // (an item of a scope that builds something under a name that can title a clause, "2.5 Notices. The vendor
      // will configure the renewal notices", is still work)
      const builds =
        k === "governance" && (section.kind === "scope" || section.kind === "deliverables") && BUILD_WORK.test(core);
      // (a milestone named in an acceptance procedure, "(a) Milestone 1 (Installation): … achieved when …", is
      // accepted there, not scheduled)
      const acceptedMilestone =
        section.kind === "acceptance" && !plainLine && /^(?:milestone|stage|phase)\b/i.test(inlineLabel[1].trim());
      if (
        k !== "other" &&
        k !== "scope" &&
        k !== "deliverables" &&
        !builds &&
        !acceptedMilestone &&
        (plainLine || sectionMarker || neverWork)
      )
        own = { kind: k, title: inlineLabel[1].toLowerCase() };
      // a line under a capitals label the model has no name for ("CHOICE OF LAW: …") is a clause, not work
      else if (k === "other" && plainLine && /^[A-Z][A-Z &/-]{3,}$/.test(inlineLabel[1].trim()))
        own = { kind: "other", title: inlineLabel[1].toLowerCase() };
      // the document's particulars ("Engagement: …", "Our reference: …", "Prepared for: …") name it, they are no work
      else if (plainLine && PARTICULARS.test(inlineLabel[1].trim())) own = { kind: "title", title: "" };
    }
    // a defined term on a line of its own ("“Go-Live Date” means …") is a definition wherever it stands
    if (!idm && DEFINITION_LINE.test(body)) own = { kind: "definitions", title: own.title };
    // an article titled as a section, with a note after its title ("Art. 6 Calendar — signed off by …"), over its
    // numbered sub-clauses (6.1, 6.2 …) opens that section
    if (
      idm &&
      /^(?:§|section|article|art\.|part|clause)/i.test(idm[0]) &&
      own !== section &&
      own.kind !== "title" &&
      own.kind !== "other" &&
      childFollows
    )
      section = own;
    // a numbered clause titled as the deliverables that leads in to its items ("2.4 Deliverables. The Supplier shall
    // provide:" over D1 … D7) is their section until the next clause of its rank
    if (
      idm &&
      inlineLabel &&
      /:\s*$/.test(core) &&
      sectionKind(inlineLabel[1]) === "deliverables" &&
      // (not a sentence that leads in to how they are accepted: "The Deliverables shall be accepted as follows:")
      !(section.kind === "acceptance" && /\b(?:shall|will|must|are|is)\b/i.test(inlineLabel[1])) &&
      next !== undefined &&
      ID_MARKER.test(text.slice(next.start, next.end).trim())
    ) {
      const before: Section = section;
      section = { kind: "deliverables", title: inlineLabel[1].toLowerCase() };
      numberedHeading = { id: normalizeId(idm[0])[0], prev: before, section };
      own = section;
    }
    // the title block: unmarked lines before any section or item (a requirement led by its priority, "Should: …",
    // is an item)
    const prioritised = PRIORITY_LABEL.test(body);
    // (a priced line, "Set-up (fixed) 32 000 €", is an order line, not a title, after another one)
    const priced = PRICED_LINE.test(core) && li > 0 && PRICED_LINE.test(ll[li - 1].text);
    if (
      !seenStructure &&
      !idm &&
      !bullet &&
      !prioritised &&
      !priced &&
      (section.kind === "none" || section.kind === "title") &&
      words.filter((w) => w !== "|").length <= 14 &&
      ll.length > 1 &&
      !/\b(?:will|shall|must)\b/i.test(core) &&
      sentences(text, contentStart, ln.end).length === 1
    )
      own = { kind: "title", title: "" };
    // a document's particulars strung on one line ("Customer: … · Ref PRD-7 · v1.2 (signed) · author …")
    if (
      !seenStructure &&
      !idm &&
      !bullet &&
      core.split(/\s[·|]\s/).length >= 2 &&
      /\b(?:drafted|written|author|signed|status|ref|version|v\d+(?:\.\d+)?)\b/i.test(core) &&
      !/\b(?:will|shall|must)\b/i.test(core) &&
      // (a whole scope run onto one line, "SOW 12 | Scope: 1) … 2) …", is the work)
      !/(?:^|\s)\d{1,2}[).]\s/.test(core)
    )
      own = { kind: "title", title: "" };
    if (idm || bullet || prioritised) seenStructure = true;
    if (own !== section && own.kind !== "title" && own.kind !== "other" && !idm && !bullet && nextDeeper) {
      opened = { prev: section, section: own, indent };
      section = own;
    }
    blocks.push(block(text, ln, idm?.[0] ?? null, contentStart, false, group, own, indent, labelText));
  }
  return { text, blocks };
}

/** A tracker item runs on over its fields and description; it is named by its head. */
function extendTo(text: string, item: Block, end: number): void {
  item.end = end;
  item.text = text.slice(item.start, end);
  item.label = item.head.text.toLowerCase();
}

function block(
  text: string,
  ln: Span,
  rawId: string | null,
  contentStart: number,
  heading: boolean,
  group: boolean,
  section: Section,
  indent: number,
  label: string,
): Block {
  const first = sentences(text, contentStart, ln.end)[0] ?? trimSpan(text, contentStart, ln.end);
  const head = trimSpan(text, first.start, first.end);
  return {
    start: ln.start,
    end: ln.end,
    text: ln.text,
    rawId,
    ids: rawId ? normalizeId(rawId) : [],
    head,
    heading,
    group,
    section,
    indent,
    label: label.toLowerCase(),
  };
}

const DEFINITION_LINE = new RegExp(
  String.raw`^["“][^"”]{2,60}["”](?:\s+(?:means|shall mean|has the meaning|includes|refers to)\b|\s*[:=]\s)|` +
    // a legend's key: 'How to read the responses: "Comply" = met'
    String.raw`:\s*["“][^"”]{1,30}["”]\s*=\s`,
);
const PARTICULARS = new RegExp(
  String.raw`^(?:(?:[\w-]+ )?ref(?:erence)?(?: no\.?| number)?|engagement|project(?: name)?|prepared (?:by|for)|` +
    String.raw`version|document (?:id|no\.?|number)|contract (?:no\.?|number|ref)|effective(?: date)?|dated?)$`,
  "i",
);

/** A line carrying an amount ("€90/mois", "32 000 €", "SEK 6 000"). */
const PRICED_LINE = new RegExp(
  String.raw`[$€£₹¥]\s?\d|\d\s?[€£]|` +
    String.raw`\b(?:USD|EUR|GBP|AUD|CAD|NZD|INR|SGD|CHF|SEK|NOK|DKK|ZAR|AED|KES|BRL)\s?\d`,
);
const PRIORITY_LABEL =
  /^\s*(?:must|should|could|won['’]?t|nice)(?:[- ]to)?(?:[- ]have)?\s*[:—–-]\s|^\s*P[0-4]\s*[:—–-]\s/i;

const RACI_CELL = /^(?:[RACI](?:\s*[/,&+]\s*[RACI])*|[-–—]|n\/a|not assigned|none)$/i;

/**
 * A table that is not a list of work, whatever section it stands in: a RACI matrix (every other cell a duty letter,
 * "R/A", "C") assigns duties, and a table of milestones and their dates is a schedule.
 */
function tableSection(cells: Cell[], main: Cell, around: Section, columns: string[]): Section | null {
  const others = cells.filter((c) => c !== main && c.text);
  // (a row of work whose acceptance cell is blank is still work: "| Reminders | R | C | |" under "Accepted when")
  if (
    others.length >= 2 &&
    others.every((c) => RACI_CELL.test(c.text)) &&
    !columns.some((h) => /accept|criteri|\bexit\b|\bdone\b/.test(h))
  )
    return { kind: "responsibilities", title: "raci" };
  // (a schedule table under a schedule heading keeps that heading's title: its approval line stands under it too)
  const scheduled = (title: string): Section => ({
    kind: "schedule",
    title: around.kind === "schedule" ? around.title : title,
  });
  if (/^(?:milestones?|key dates?|events?)$/.test(main.header)) return scheduled(main.header);
  // "| Phase | Weeks | Exit gate |": a plan of phases and their timing; "| Role | Name |": the team
  const headers = cells.map((c) => c.header);
  if (
    headers.some((h) => /^(?:phases?|stages?|steps?|gates?|waves?|plan)\b/.test(h)) &&
    headers.some((h) => /^(?:weeks?|dates?|timing|when|duration|months?|start|end|due|window)\b/.test(h))
  )
    return scheduled(headers[0]);
  // "| Item | Qty | Price |" outside any section: a price table
  if (
    (around.kind === "none" || around.kind === "title") &&
    headers.some((h) => /^(?:unit price|price|amount|extended|rate|fee|cost)\b/.test(h)) &&
    headers.some((h) => /^(?:qty|quantity|units?|hrs|hours|est\. hrs)\b/.test(h))
  )
    return { kind: "fees", title: headers[0] };
  if (headers.some((h) => /^roles?$/.test(h)) && headers.some((h) => /^(?:name|person|who)$/.test(h)))
    return { kind: "governance", title: "team" };
  // a table of work after a summary ("Scope at a glance", then "| WP | Work | Exit criterion |") is the scope
  // (as is one right under the document's title)
  if (
    (around.kind === "background" || around.kind === "title") &&
    [main.header, ...cells.map((c) => c.header)].some((h) =>
      /^(?:work|deliverables?|outputs?|tasks?|workstreams?|work packages?)$/.test(h),
    )
  )
    return { kind: "scope", title: main.header };
  return null;
}

/** A line's runs of text split by two or more spaces, as offsets from its start. */
const runsOf = (line: string) =>
  /\t|\|/.test(line)
    ? []
    : [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ at: m.index!, end: m.index! + m[0].length }));

/** A fixed-width table's column: where its name starts and ends in the first line. */
interface Column {
  at: number;
  end: number;
}
/**
 * The column a run of text stands in: the one whose name it lines up with, left or right, else the one whose
 * stretch (its start to the next one's) it overlaps most.
 */
function columnOf(cols: Column[], r: { at: number; end: number }): number {
  const lined = cols.findIndex((c) => Math.abs(r.at - c.at) <= 1 || Math.abs(r.end - c.end) <= 1);
  if (lined >= 0) return lined;
  let best = 0;
  let most = -1;
  cols.forEach((c, k) => {
    const overlap = Math.min(r.end, cols[k + 1]?.at ?? Infinity) - Math.max(r.at, c.at);
    if (overlap > most) [best, most] = [k, overlap];
  });
  return best;
}
/** Does a run line up with a column's name, left or right (figures are set flush right)? */
const alignedRun = (cols: Column[], r: { at: number; end: number }) =>
  cols.some((c) => Math.abs(r.at - c.at) <= 1 || Math.abs(r.end - c.end) <= 1);

/**
 * A table laid out in fixed-width columns (pasted from a plain-text or Word document): a line of three or more runs
 * split by two or more spaces that name the columns, and the lines under it whose runs line up with those names.
 * Each line of such a table gets its columns, every other line null.
 */
function fixedWidthColumns(text: string, ll: Span[], joined: (a: Span, b: Span) => boolean): (Column[] | null)[] {
  const out: (Column[] | null)[] = ll.map(() => null);
  for (let li = 0; li < ll.length; li++) {
    const cols = runsOf(ll[li].text);
    // (its first line names the columns: short labels, no figures, no sentences)
    const names = cols.map((r) => ll[li].text.slice(r.at, r.end));
    if (cols.length < 3 || names.some((n) => n.split(" ").length > 4 || /\d|[.;:]$/.test(n))) continue;
    let last = li;
    while (last + 1 < ll.length && joined(ll[last], ll[last + 1])) {
      const runs = runsOf(ll[last + 1].text);
      const aligned = runs.filter((r) => alignedRun(cols, r)).length;
      // (a cell wrapped onto a line of its own stands in its column, never the first)
      const wrapped = runs.length === 1 && aligned === 1 && columnOf(cols, runs[0]) > 0;
      if (!wrapped && (runs.length < 2 || aligned < 2 || aligned < runs.length - 1)) break;
      last++;
    }
    if (last === li) continue;
    for (let k = li; k <= last; k++) out[k] = cols;
    li = last;
  }
  return out;
}

/** Does a fixed-width line's text stop in the columns before the next line's begins (one row wrapped in two)? */
function wrapsOnto(a: Span, b: Span, cols: Column[]): boolean {
  const [ra, rb] = [runsOf(a.text), runsOf(b.text)];
  return (
    ra.length > 0 &&
    rb.length > 0 &&
    Math.max(...ra.map((r) => columnOf(cols, r))) < Math.min(...rb.map((r) => columnOf(cols, r)))
  );
}

/** A fixed-width row's cells (its lines, where it wraps): the run in each column, or a blank cell where none is. */
function fixedCells(text: string, lines: Span[], cols: Column[]): Span[] {
  const cells = cols.map((col, k) => {
    for (const ln of lines) {
      const run = runsOf(ln.text).find((r) => columnOf(cols, r) === k);
      if (run) return { start: ln.start + run.at, end: ln.start + run.end, text: ln.text.slice(run.at, run.end) };
    }
    return { start: lines[0].start + col.at, end: lines[0].start + col.at, text: "" };
  });
  while (cells.length && !cells[cells.length - 1].text) cells.pop();
  return cells;
}

/** The cells of a table row (split at bars, or at tabs in a spreadsheet paste), as spans of the text. */
export function splitCells(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  const bar = text.slice(start, end).includes("|") ? "|" : "\t";
  let cellStart = text[start] === "|" ? start + 1 : start;
  for (let i = cellStart; i <= end; i++) {
    if (i === end || text[i] === bar) {
      const t = trimSpan(text, cellStart, i);
      out.push(t);
      cellStart = i + 1;
    }
  }
  while (out.length && !out[out.length - 1].text) out.pop();
  return out;
}

const DESCRIBING_HEADER = new RegExp(
  [
    String.raw`deliverable|description|item|task|service|scope|requirement|work|story|feature|product|`,
    String.raw`what|summary|title|^name$`,
  ].join(""),
);

/** The cell that says what a row is: the deliverable/description column, else the longest text cell. */
function describingCell(cells: Cell[]): Cell | null {
  // (an id, "D-3" or a lone row letter "A", names no deliverable)
  // (nor does a tick or a cross: "| Booking diary | ✓ |" names the diary)
  const usable = (c: Cell) =>
    c.text &&
    !/^[A-Z]{0,4}[-‐]?\d+(?:\.\d+)*[a-z]?$|^[A-Z]$/i.test(c.text) &&
    !/^(?:[✓✔☑✅✗✘☐✕×]|y|n|yes|no)$/i.test(c.text.trim());
  // what a row delivers is named first ("| Workstream | Activities | Outputs |": the outputs)
  const delivered = cells.find((c) => /^(?:deliverables?|outputs?|work products?)\b/.test(c.header) && usable(c));
  if (delivered) return delivered;
  const named = cells.find((c) => DESCRIBING_HEADER.test(c.header) && !/^(?:id|#|no\.?)$/.test(c.header) && usable(c));
  if (named) return named;
  // else the longest text, but not a column that only judges the row (acceptance, status, owner, notes)
  const judged = /accept|criteria|sign-?off|status|owner|note|comment|done|test/;
  const texty = cells
    .filter((c) => /\p{L}{3}/u.test(c.text))
    .sort((a, b) => Number(judged.test(a.header)) - Number(judged.test(b.header)) || b.text.length - a.text.length);
  return texty[0] ?? null;
}

const REF_ID =
  String.raw`(?:[A-Z]{1,4}[-‐]?\d+(?:\.\d+)*[a-z]?|(?:I{1,3}|IV|VI{0,3}|IX|X)\.\d+(?:\.\d+)*|[A-Z]\.\d+(?:\.\d+)*|` +
  String.raw`\d+\.\d+(?:\.\d+)*)`;
const REF_WORD = [
  String.raw`(?:deliverables?|(?:work |line )?items?|lines?|tasks?|sections?|stories|story|epics?|milestones?|`,
  String.raw`clins?|requirements?|req|parts?|`,
  // "items" in the languages international packets mix in
  String.raw`pozycj[ae]|positionen|punkte|puntos|partidas|postes|voci|itens)`,
].join("");
const REF_RE = new RegExp(
  String.raw`(?:\b${REF_WORD}\s+)?(${REF_ID}|\d+|(?<=\b${REF_WORD}\s+)[A-Z]\b)` +
    // ("items 1 à 3", "puntos 2 al 4", "Positionen 1 bis 5": a range in the languages packets mix in)
    String.raw`(?:(?:\s*(?:through|thru|to|[–-])\s*|\s+(?:à|al?|bis|tot)\s+)(${REF_ID}|\d+))?`,
  "gi",
);
const REF_WORD_LEAD = new RegExp(String.raw`^${REF_WORD}\s`, "i");
const REF_WORD_ONLY = new RegExp(String.raw`^${REF_WORD}(?:\s*(?:#|no\.?|id))?$`, "i");
/** A column headed by an item word ("Deliverable", "Task #") holds ids, bare numbers too: "1 | counts match …". */
export const namesItems = (header: string) => REF_WORD_ONLY.test(header.trim());

const NUMBER_WORD_BEFORE_PAREN = new RegExp(String.raw`\b${NUMBER_WORD}\s*\($`, "i");

/**
 * Ids an acceptance statement refers to: "D1", "D2 and D7", "D1 through D6", "(4.3, 4.4)", "Deliverable 8", "Tasks
 * 6.1–6.4".
 */
export function referencedIds(sentence: string): Set<string> {
  const refs = new Set<string>();
  const s = sentence.replace(/\b[A-Z]{2,}[- ]?\d+(?:\.\d+)+\b(?![-–])/g, (m) =>
    /^(?:CLIN|REQ|US|WP|DEL|SOW|PWS|SOO)/.test(m) ? m : " ",
  ); // "WCAG 2.1", "SAML 2.0" are versions
  const re = REF_RE;
  re.lastIndex = 0;
  let listEnd = -1;
  let listPrefix = "";
  for (const m of s.matchAll(re)) {
    // "Items 5 and 8", "Tasks 4, 6 and 7": the bare numbers continue the list the word opened
    const continues =
      listEnd >= 0 && /^\s*(?:,|and|&|or|y|e|et|und|en|och|og)\s*(?:and\s+)?$/i.test(s.slice(listEnd, m.index!));
    const word = continues || REF_WORD_LEAD.test(m[0]);
    if (!continues) listPrefix = /^deliverables?/i.test(m[0]) ? "D" : "";
    listEnd = word ? m.index! + m[0].length : -1;
    const a = m[1];
    // ids are written in capitals ("D1", "RM-2"); a lone letter only after an item word ("Item B")
    if (/[a-z]/.test(a.replace(/[a-z]$/, "")) || (/^[A-Za-z]$/.test(a) && !(word && /^[A-Z]$/.test(a)))) continue;
    // a bare number is a count, not an id, unless it opens a range ("each of 1–4") or is written as one ("(2)")
    // ("four (4) reports" is a count written twice, not an id)
    const parenthesised =
      s[m.index! - 1] === "(" && s[m.index! + a.length] === ")" && !NUMBER_WORD_BEFORE_PAREN.test(s.slice(0, m.index!));
    if (
      /^\d+$/.test(a) &&
      !word &&
      !parenthesised &&
      !(m[2] && /^\d+$/.test(m[2]) && /(?:of|items?|and|,|:)\s*$/i.test(s.slice(Math.max(0, m.index! - 8), m.index!)))
    )
      continue;
    if (/%|\bdays?\b|\bhours?\b/.test(s.slice(m.index! + m[0].length, m.index! + m[0].length + 6))) continue;
    const prefix = listPrefix && /^\d+$/.test(a) ? listPrefix : "";
    const add = (x: string) => normalizeId(prefix + x).forEach((k) => refs.add(k));
    add(a);
    if (m[2]) {
      const pa = /^(.*?)(\d+)$/.exec(a.replace(/[-‐]/g, ""));
      const pb = /^(.*?)(\d+)$/.exec(m[2].replace(/[-‐]/g, ""));
      if (pa && pb && (pa[1] === pb[1] || pb[1] === "") && Number(pb[2]) - Number(pa[2]) <= 50)
        // "R-01 to R-05" keeps its zero padding
        for (let k = Number(pa[2]); k <= Number(pb[2]); k++) add(`${pa[1]}${String(k).padStart(pa[2].length, "0")}`);
      else add(m[2]);
    }
  }
  // "(a) accepted when …; (c) when …", "1) and 2) — …": list markers named as ids
  // (in a list too: "Clause 3(a), (b), (c) and (g)")
  // (and "a), b) y c)": letters closed by a parenthesis alone)
  for (const m of s.matchAll(
    /\(([a-z])\)(?=[\s,;:]|$)|(?<![\w(.])(\d{1,2})\)(?=\s|$)|(?<![\w(.])([a-z])\)(?=[\s,;:]|$)/g,
  ))
    normalizeId(m[1] ?? m[2] ?? m[3]).forEach((k) => refs.add(k));
  // "Acceptance: A–C signed off", "items B-D": a range of lettered items
  for (const m of s.matchAll(
    /(?:^|[:(,]\s*|\b(?:items?|deliverables?|parts?|sections?)\s+)([A-Z])\s*[–-]\s*([A-Z])\b/g,
  )) {
    const [from, to] = [m[1].charCodeAt(0), m[2].charCodeAt(0)];
    for (let k = from; k <= to && k - from <= 12; k++) normalizeId(String.fromCharCode(k)).forEach((x) => refs.add(x));
  }
  // "(i) to (iii)": a range of roman-numbered items
  const ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
  for (const m of s.matchAll(/\(([ivx]{1,4})\)\s*(?:[–-]|to|through)\s*\(([ivx]{1,4})\)/g)) {
    const [from, to] = [ROMAN.indexOf(m[1]), ROMAN.indexOf(m[2])];
    if (from >= 0 && to > from) for (const r of ROMAN.slice(from, to + 1)) normalizeId(r).forEach((x) => refs.add(x));
  }
  // "1)–4)", "(a)–(c)": a range of list markers
  for (const m of s.matchAll(
    /(?<![\w(.])(\d{1,2})\)\s*[–-]\s*(\d{1,2})\)|\(([a-z])\)\s*(?:[–-]|to|through)\s*\(([a-z])\)/g,
  )) {
    const [from, to] = m[1] ? [Number(m[1]), Number(m[2])] : [m[3].charCodeAt(0), m[4].charCodeAt(0)];
    for (let k = from; k <= to && k - from <= 26; k++)
      normalizeId(m[1] ? String(k) : String.fromCharCode(k)).forEach((x) => refs.add(x));
  }
  return refs;
}

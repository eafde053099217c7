// Numbers, quantities and dates as people write them in deals: "250", "two hundred fifty", "twelve hundred",
// "1,200", "38k", "~190", "$9.50 PEPM", "3/27", "March 15", "Q3", "EOQ", "within six weeks of signature".

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  a: 1,
  an: 1,
  single: 1,
  dozen: 12,
  couple: 2,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };
const NUMBER_WORDS = [...Object.keys(UNITS).filter((w) => w.length > 2), ...Object.keys(SCALES)];
export const NUMBER_WORD = `(?:${NUMBER_WORDS.join("|")})`;

/** Parses number words: "three hundred forty-two" → 342, "twelve hundred" → 1200. Returns null if not a number. */
export function parseNumberWords(text: string): number | null {
  const words = text
    .toLowerCase()
    .replace(/-/g, " ")
    .split(/\s+|\band\b/)
    .filter(Boolean);
  if (!words.length) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w === "and") continue;
    if (w in UNITS && !(w === "a" || w === "an" || w === "couple" || w === "single")) {
      // ("twenty one", "three hundred forty-two" add up; "one six-week cycle" is one cycle of six: the last wins)
      const tens = current % 100;
      if (tens === 0 || (tens >= 20 && tens % 10 === 0 && UNITS[w] < 10)) current += UNITS[w];
      else [total, current] = [0, UNITS[w]];
      seen = true;
    } else if (w in SCALES) {
      current = (current || 1) * SCALES[w];
      if (SCALES[w] >= 1000) {
        total += current;
        current = 0;
      }
      seen = true;
    } else return null;
  }
  return seen ? total + current : null;
}

/** Parses a numeral as written: "1,200", "38k", "2.5M", "1.200" (German thousands). */
export function parseNumeral(text: string): number | null {
  const m = /^([1-9]\d{0,2}(?:\.\d{3})+|\d{1,3}(?:[, \u00A0\u202F]\d{3})+|\d+(?:\.\d+)?)(\s*[kKM]|m)?$/.exec(
    text.trim(),
  );
  if (!m) return null;
  // "1.200" groups thousands with a point (a figure with three decimals is not written that way in a handoff), and
  // "1 850" with a space
  let v = Number(/^\d{1,3}(?:\.\d{3})+$/.test(m[1]) ? m[1].replace(/\./g, "") : m[1].replace(/[, \u00A0\u202F]/g, ""));
  if (m[2]) v *= m[2].trim().toLowerCase() === "k" ? 1000 : 1_000_000;
  return Number.isFinite(v) ? v : null;
}

export interface Quantity {
  value: number;
  /** the counted thing, stemmed and canonical ("user", "endpoint", "month") */
  unit: string;
  start: number;
  end: number;
  /** "up to", "max", "~" … */
  bound: "exact" | "max" | "approx" | "min";
}

/** A numeric token: digits or number words (with an optional "(250)" echo). */
export const NUM =
  // (a spaced lower-case "m" is metres, not millions: "the 1,500 m mark")
  String.raw`(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?![\d.,])|\d+(?:\.\d+)?)(?:\s*[kKM]|m)?\b|` +
  String.raw`\b${NUMBER_WORD}(?:[\s-]+(?:and\s+)?${NUMBER_WORD})*\b`;

// a cap in the languages packets mix in: "fino a 80 silos", "hasta 250", "até 40", "jusqu'à 12", "bis zu 30"
const CAP_ABROAD = String.raw`fino a|hasta|até|jusqu['’]à|bis zu|tot maximaal|maks\.?|upp till`;
const CAPPED_ABROAD = new RegExp(CAP_ABROAD, "i");
/** What a count says of itself before and after the figure: "up to 900", "north of 300", "thirty-odd", "40+". */
export const COUNT_LEAD = [
  String.raw`up to|upto|max(?:imum)?(?: of)?|no more than|not to exceed|at most|at least|min(?:imum)?(?: of)?|`,
  `${CAP_ABROAD}|`,
  String.raw`north of|upwards of|(?:a little |just |well )over|`,
  String.raw`approx(?:\.|imately)?|about|around|roughly|nearly|almost|close to|just (?:under|shy of)|circa|~|≈`,
].join("");
/** A length of time from now or from an event: "6 weeks", "ten business days", "two sprints". */
export const RELATIVE_DURATION = new RegExp(
  [
    String.raw`(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:business\s+|`,
    String.raw`working\s+)?(day|week|month|sprint)s?`,
  ].join(""),
  "i",
);
export const COUNT_TAIL = String.raw`(?:-?(?:odd|ish)\b|\+)?`;
export function countBound(lead: string | undefined, tail: string): Quantity["bound"] {
  if (/up ?to|max|no more|not to exceed|at most/i.test(lead ?? "") || CAPPED_ABROAD.test(lead ?? "")) return "max";
  if (/at least|min|more than|north|upwards|in excess|over/i.test(lead ?? "") || tail.startsWith("+")) return "min";
  return lead || /odd|ish/i.test(tail) ? "approx" : "exact";
}

const QTY = new RegExp(
  String.raw`(${COUNT_LEAD})?\s*(${NUM})${COUNT_TAIL}(?:\s*\((?:\d[\d,]*)\))?` +
    String.raw`\s*(?:x\s+|×\s*)?(-|\s)?\s*((?:[A-Za-z][A-Za-z/&-]*\s+){0,2}?[A-Za-z][A-Za-z-]*)`,
  "gi",
);
const LENGTH_MODIFIER = new RegExp(
  String.raw`(?<=\b(?:${NUMBER_WORD}|\d+)\s+(?:x\s+|×\s*)?)(?:\d+(?:\.\d+)?|${NUMBER_WORD}|half)[- ]` +
    String.raw`(?:minute|hour|day|week)s?(?=[- ]\w)`,
  "gi",
);
/** A currency sign: the number after it is money, not a count. */
const MONEY_SIGN = /[$€£]/;

const UNIT_ALIASES: Record<string, string> = {
  // storage bought or held, one unit however it is written ("300 terabytes", "400 TB")
  tb: "terabyte",
  terabyte: "terabyte",
  terabytes: "terabyte",
  gb: "gigabyte",
  gigabyte: "gigabyte",
  gigabytes: "gigabyte",
  users: "user",
  user: "user",
  seats: "user",
  seat: "user",
  licenses: "user",
  license: "user",
  licences: "user",
  licence: "user",
  "named users": "user",
  logins: "user",
  employees: "employee",
  employee: "employee",
  ees: "employee",
  ee: "employee",
  staff: "employee",
  fte: "employee",
  ftes: "employee",
  associates: "employee",
  workers: "employee",
  headcount: "employee",
  endpoints: "endpoint",
  endpoint: "endpoint",
  devices: "endpoint",
  device: "endpoint",
  technicians: "technician",
  technician: "technician",
  techs: "technician",
  tech: "technician",
  contacts: "contact",
  contact: "contact",
  profiles: "contact",
  records: "record",
  courses: "course",
  course: "course",
  learners: "learner",
  learner: "learner",
  months: "month",
  month: "month",
  mo: "month",
  mos: "month",
  yrs: "year",
  yr: "year",
  years: "year",
  year: "year",
  weeks: "week",
  week: "week",
  wks: "week",
  days: "day",
  day: "day",
  hours: "hour",
  hour: "hour",
  hrs: "hour",
  hr: "hour",
  // the kinds of document a classifier or an intake reads ("4 doc types", "six document types"): its scope
  "doc types": "doctype",
  "document types": "doctype",
  "form types": "doctype",
  entities: "entity",
  entity: "entity",
  subsidiaries: "entity",
  subsidiary: "entity",
  locations: "location",
  location: "location",
  clinics: "location",
  stores: "location",
  branches: "location",
  offices: "location",
  site: "location",
  sites: "location",
  facilities: "location",
  facility: "location",
  campuses: "location",
  // a distribution centre by its initials ("4 DCs")
  dcs: "location",
  pharmacies: "location",
  clubs: "location",
  salons: "location",
  // singular modifiers name what a licence counts ("nine branch licences", "clinic seats")
  clinic: "location",
  store: "location",
  branch: "location",
  office: "location",
  campus: "location",
  hospital: "location",
  applications: "application",
  application: "application",
  apps: "application",
  app: "application",
  // a licence or seat for an app is a user's ("85 app licences", "Field app licence | 85")
  "app licence": "user",
  "app licences": "user",
  "app license": "user",
  "app licenses": "user",
  "app seats": "user",
  "app users": "user",
  languages: "language",
  language: "language",
  workshops: "workshop",
  workshop: "workshop",
  sessions: "session",
  session: "session",
  // (and in the languages international packets mix in: "3 sesiones", "2 sessões", "4 séances")
  sesiones: "session",
  sesión: "session",
  sesion: "session",
  sessões: "session",
  séances: "session",
  sitzungen: "session",
  templates: "template",
  template: "template",
  integrations: "integration",
  integration: "integration",
  reports: "report",
  report: "report",
  dashboards: "dashboard",
  dashboard: "dashboard",
  agencies: "agency",
  agency: "agency",
  states: "state",
  regions: "region",
  region: "region",
  vehicles: "vehicle",
  vehicle: "vehicle",
  trucks: "vehicle",
  schedulers: "scheduler",
  agents: "agent",
  agent: "agent",
  identities: "identity",
  identity: "identity",
  accounts: "account",
  admins: "admin",
  administrators: "admin",
  "earning codes": "earning code",
  codes: "code",
  policies: "policy",
  parallels: "parallel",
  runs: "run",
  people: "people",
  reps: "rep",
  clinicians: "clinician",
  providers: "provider",
  provider: "provider",
  physicians: "provider",
  // one thing, several names: what a message bundle, a fleet, a meter estate, a school or a site list counts
  messages: "message",
  message: "message",
  msgs: "message",
  msg: "message",
  notifications: "message",
  notification: "message",
  texts: "message",
  tractors: "vehicle",
  tractor: "vehicle",
  "power units": "vehicle",
  "power unit": "vehicle",
  buses: "vehicle",
  vans: "vehicle",
  lorries: "vehicle",
  coaches: "vehicle",
  minibuses: "vehicle",
  meters: "endpoint",
  meter: "endpoint",
  "metered endpoints": "endpoint",
  "service connections": "endpoint",
  pupils: "student",
  pupil: "student",
  plants: "location",
  plant: "location",
  depots: "location",
  depot: "location",
  warehouses: "location",
  warehouse: "location",
  hotels: "location",
  hotel: "location",
  restaurants: "location",
  restaurant: "location",
  schools: "location",
  hospitals: "location",
  venues: "location",
  beds: "bed",
  // a property, a building, premises: a place the customer runs, counted like its sites
  properties: "location",
  property: "location",
  buildings: "location",
  premises: "location",
  // a practice or surgery (dental, medical, veterinary, legal) is one of the customer's offices
  practices: "location",
  practice: "location",
  surgeries: "location",
  // other places a customer runs its business from: gyms, studios, libraries, outlets, pubs, labs
  gyms: "location",
  gym: "location",
  studios: "location",
  libraries: "location",
  outlets: "location",
  pubs: "location",
  labs: "location",
  laboratories: "location",
  // where the public votes
  "vote centers": "location",
  "voting centers": "location",
  "polling places": "location",
  "polling stations": "location",
  "device count": "endpoint",
  // users in the languages international packets mix in
  usuarios: "user",
  usuario: "user",
  utilisateurs: "user",
  benutzer: "user",
  nutzer: "user",
  utenti: "user",
  gebruikers: "user",
  // the devices a licence counts, by the names warehouses and field crews use
  handhelds: "endpoint",
  handheld: "endpoint",
  scanners: "endpoint",
  scanner: "endpoint",
  terminals: "endpoint",
  tablets: "endpoint",
  students: "student",
  teachers: "teacher",
  members: "member",
  patients: "patient",
  drivers: "driver",
  crews: "crew",
};

/**
 * The unit the first two words after a number count when they read as one: a two-word name ("power units", "named
 * users"), or a place before people ("12 office users" counts users; "nine branch licences" still counts branches).
 */
export function pairUnit(first: string, second: string): string | null {
  const named = UNIT_ALIASES[`${first} ${second}`.toLowerCase().replace(/[^a-z/ -]/g, "")];
  if (named) return named;
  if (
    UNIT_ALIASES[first.toLowerCase()] === "location" &&
    /^(?:users|staff|employees|people|workers|members|agents|reps)$/i.test(second)
  )
    return UNIT_ALIASES[second.toLowerCase()] ?? null;
  // "60 depot mechanics", "14 branch tellers": people who work at the place, not places
  if (UNIT_ALIASES[first.toLowerCase()] === "location" && /s$/i.test(second) && PERSONS.test(second))
    return UNIT_ALIASES[second.toLowerCase()] ?? second.toLowerCase().replace(/s$/, "");
  // "28 site leads", "9 branch managers": people who hold a role at each place, not places
  if (
    UNIT_ALIASES[first.toLowerCase()] === "location" &&
    /^(?:leads|managers|admins|administrators|champions|coordinators|contacts|supervisors|directors|heads)$/i.test(
      second,
    )
  )
    return second.toLowerCase().replace(/s$/, "");
  return null;
}

/** The canonical counted unit of a noun phrase after a number, or null when it is not a counted thing. */
export function unitOf(phrase: string): string | null {
  const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
  for (let n = Math.min(2, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const w = words
        .slice(i, i + n)
        .join(" ")
        .replace(/[^a-z/ -]/g, "");
      if (UNIT_ALIASES[w]) return UNIT_ALIASES[w];
    }
  }
  return null;
}

/** Every counted quantity in a text: "180 employees", "up to 900 … laptops", "three hundred forty-two seats". */
export const HAS_NUMBER = new RegExp(String.raw`\d|\b${NUMBER_WORD}\b`, "i");

let LABELLED_UNIT_RE: RegExp | undefined;
let DATE_OR_LENGTH_NEXT: RegExp | undefined;
/**
 * Does what follows a figure make it a day of a month or a length before its noun ("22 Jun", "4th of May", "7-day
 * checks")? Then the figure counts nothing.
 */
export function dateOrLengthNext(after: string): boolean {
  return (DATE_OR_LENGTH_NEXT ??= new RegExp(
    String.raw`^(?:st|nd|rd|th)?\.?\s*(?:of\s+)?${MONTH_RE}\b|^-(?:day|week|month|year|hour)\b`,
    "i",
  )).test(after);
}
/**
 * Are the seats counted at `at` (their phrase ending at `end`) places to sit: "one departure of 40 seats",
 * "grandstands (250 to 3,000 seats)", "52 seats on each coach", "120 seats in the lecture room"?
 */
export function seatsToSit(text: string, at: number, end: number): boolean {
  return (
    SEATING.test(text.slice(Math.max(0, at - 40), at)) ||
    // (a venue's capacity beside its suites or boxes: "Halvorsen Field (68,000 seats, 74 suites)")
    /^\s*,\s*\d[\d,]*\s+(?:suites|boxes|skyboxes|lodges)\b/i.test(text.slice(end)) ||
    (/^\s*(?:on|in|per|aboard|at)\s/i.test(text.slice(end)) && SEATING.test(text.slice(end, end + 30)))
  );
}
/** Things with seats to sit in (a coach, a room, a stand), whose seats are no licences. */
const SEATING = new RegExp(
  String.raw`\b(?:departures?|bus(?:es)?|coach(?:es)?|tours?|flights?|trips?|vessels?|boats?|ferr(?:y|ies)|shuttles?|` +
    String.raw`classrooms?|rooms?|venues?|theat(?:re|er)s?|halls?|grandstands?|stands?|stadiums?|arenas?|auditori(?:um|a)|` +
    String.raw`trains?|sailings?|cruises?|vehicles?|vans?|aircraft|cabins?|tables?)\b`,
  "i",
);
/** A noun for people ("mechanics", "planners", "staff"), who may each be a user. */
const PERSONS = /(?:er|or|ist|ant|ent|ian|ic|ee|people|staff)s?$/i;

// a band of a tiered price ("251–500 users", "1-250 seats"): a cap at its top
const BAND = /(?<![\d.,/])(\d{1,3}(?:,\d{3})*|\d+)\s*[–-]\s*(\d{1,3}(?:,\d{3})*|\d+)\s+([A-Za-z][A-Za-z-]*)/g;

// words after a place that do not make it a qualifier ("two sites with", "3 clinics' staff")
const QUALIFIED_NOUN_STOP = new RegExp(
  String.raw`^(?:folks|people|staff|personnel|employees|workers|seats|keys|is|was|has|does|plus|less|across|as|this|` +
    String.raw`its|us|per|of|for|in|at|from|to|by|with|on|and|or|are|were|will|would|can|have|that|which|who|each|` +
    String.raw`only|but)$`,
);

/**
 * The plural nouns of their own, other than `unit`, among the two words of a phrase from `at` (after `skip` words):
 * "Site user training: two recorded webinars" gives "webinars", so the figure counts webinars, not sites.
 */
export function ownNouns(text: string, at: number, unit: string, skip = 0): string[] {
  return text
    .slice(at)
    .split(/[.;,:()\n]/)[0]
    .split(/\s+/)
    .filter(Boolean)
    .slice(skip, skip + 2)
    .filter((w) => /^[a-z][a-z-]{3,}s$/.test(w) && !/ss$/.test(w) && unitOf(w) !== unit);
}

export function quantities(original: string): Quantity[] {
  const out: Quantity[] = [];
  if (!HAS_NUMBER.test(original)) return out;
  for (const m of original.matchAll(BAND)) {
    const [low, high] = [parseNumeral(m[1]), parseNumeral(m[2])];
    const unit = unitOf(m[3]);
    if (low === null || high === null || high <= low || unit !== "user") continue;
    out.push({ value: high, unit, start: m.index!, end: m.index! + m[0].length, bound: "max" });
  }
  // a length written as an adjective ("six 90-minute sessions", "three one-day workshops") counts nothing itself: it
  // is blanked (offsets kept) so the figure before it counts the noun after it
  const text = original.replace(LENGTH_MODIFIER, (m) => " ".repeat(m.length));
  for (const m of text.matchAll(QTY)) {
    const numText = m[2];
    // (a band's ends were read above)
    if (out.some((q) => q.bound === "max" && m.index! >= q.start && m.index! < q.end)) continue;
    // "0003 Regional workshops": a line number padded with zeros is an id, not a count
    if (/^0\d/.test(numText)) continue;
    const value = parseNumeral(numText) ?? parseNumberWords(numText);
    if (value === null || value === 0) continue;
    const at = m.index! + m[0].indexOf(numText);
    // "#412 Stop import template": an issue's number; "Kestrel's 2025 loads": the year they were hauled
    if (
      text[at - 1] === "#" ||
      (/^(?:19|20)\d\d$/.test(numText) && /['’]s\s+$/.test(text.slice(Math.max(0, at - 4), at)))
    )
      continue;
    const after = m[4] ?? "";
    // allow a few adjectives between the number and the unit ("900 leased Dell laptops")
    const lookahead = text.slice(m.index! + m[0].length - after.length, m.index! + m[0].length - after.length + 40);
    // money and percentages are not counts
    const before = text.slice(Math.max(0, m.index! - 1), m.index! + (m[1] ? m[0].indexOf(numText) : 0) + 1);
    if (MONEY_SIGN.test(before) || /^\s*%/.test(text.slice(m.index! + m[0].indexOf(numText) + numText.length)))
      continue;
    // the counted noun: the word right after the number, else the head noun of the phrase
    // ("900 leased Dell laptops", "12 night-shift warehouse pickers")
    const words = lookahead
      .split(/[.;,:()\n@—–]/)[0]
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 6);
    // (a figure "a site" is a price for each one, not a count of them)
    if (/^(?:a|an)$/i.test(words[0] ?? "")) continue;
    let unit: string | null = (words.length > 1 ? pairUnit(words[0], words[1]) : null) ?? unitOf(words[0] ?? "");
    // ("three licence renewal notice templates": a singular "licence" before other nouns only qualifies them)
    if (
      unit === "user" &&
      /^licen[cs]e$/i.test(words[0] ?? "") &&
      /^[a-z]{3,}(?:\/|$)/i.test(words[1] ?? "") &&
      !/^(?:seats?|keys?|for|per|to|of|in|at|and|or|on|with|from|which|that|is|are|will)$/i.test(words[1])
    )
      unit = null;
    // ("two depot training sessions": a singular place before another noun only qualifies it, as "licence" does)
    if (
      unit === "location" &&
      value > 1 &&
      !/s$/i.test(words[0] ?? "") &&
      /^[a-z]{3,}$/.test(words[1] ?? "") &&
      !QUALIFIED_NOUN_STOP.test(words[1])
    )
      unit = null;
    // ("6 office folks", "12 site staff": the people of a place are people, not places)
    if (unit && /^(?:folks|people|staff|personnel|employees|workers)$/i.test(words[1] ?? "")) continue;
    if (!unit) {
      let head = "";
      for (const w of words) {
        // (a subordinate clause ends the phrase: "three wards once agency staff are counted" counts wards)
        const stop = /^(?:per|of|for|in|at|from|to|by|with|across|on|x|×|-|which|that|who|after|before|until)$/i;
        if (stop.test(w) || /^(?:once|when|if|while|because|unless|whereas|since)$/i.test(w)) break;
        // the phrase ends at its verb ("60 field techs get the app": techs, not the app), unless what follows is
        // their access ("180 nurses will need logins": logins)
        if (/^(?:get|gets|go|goes|will|are|is|have|has|need|needs|use|uses|can|must|want|wants|were|was)$/i.test(w)) {
          const rest = words.slice(words.indexOf(w) + 1, words.indexOf(w) + 4);
          head = rest.find((x) => unitOf(x) === "user") ?? head;
          break;
        }
        head = w;
        // "60 days after the final site": a length of time, whatever place follows it
        if (/^(?:day|hour|week|month|year)$/.test(unitOf(w) ?? "")) break;
      }
      unit = head ? unitOf(head) : null;
      // "16 field office licences" counts offices, as "nine branch licences" counts branches
      const place = words.slice(0, words.indexOf(head)).find((w) => unitOf(w) === "location");
      if (unit === "user" && /^(?:licen[cs]es|seats)$/i.test(head) && place) unit = "location";
    }
    if (!unit) continue;
    // (a year before "TB" is a period's trial balance, "Dec 2025 TB", not storage)
    if (unit === "terabyte" && /^(?:19|20)\d\d$/.test(numText)) continue;
    // (seats of a vehicle, a room or an event are places to sit, not licences: "one departure of 40 seats",
    // "grandstands (250 to 3,000 seats)", "40 seats on each coach")
    if (
      unit === "user" &&
      /^seats?$/i.test(words.find((w) => unitOf(w) === "user") ?? "") &&
      seatsToSit(text, m.index!, m.index! + m[0].length)
    )
      continue;
    // 12-month term, 3-year: durations written with a hyphen
    const numEnd = m[0].indexOf(numText) + numText.length;
    const bound = countBound(m[1], m[0].slice(numEnd, numEnd + 4));
    const start = m.index! + (m[1] ? m[0].indexOf(m[1]) : m[0].indexOf(numText));
    out.push({ value, unit, start, end: m.index! + m[0].length, bound });
  }
  // "Named users: 25", "Device count per the RMM: 310"
  for (const m of text.matchAll(
    (LABELLED_UNIT_RE ??= new RegExp(
      String.raw`\b((?:[A-Za-z]+\s+)?(?:named )?(?:users?|seats?|licen[cs]es?|endpoints?|devices?|employees?|` +
        String.raw`learners?|contacts?|locations?|sites?|entities))(?: count)?\b[^:.;\n]{0,30}:\s*(${NUM})|` +
        // (or in a line's next column: "TRV-USR | Named users | 25 | incl.")
        String.raw`\|\s*((?:named )?(?:users?|seats?|licen[cs]es?))\s*\|\s*(\d[\d,.]*)\s*\|`,
      "gi",
    )),
  )) {
    const unit = unitOf(m[1] ?? m[3]);
    const value = parseNumeral(m[2] ?? m[4]) ?? parseNumberWords(m[2] ?? m[4]);
    if (!unit || !value) continue;
    // (a date or a length after the label is none of its count: "Site set-up: 22 Jun", "Site tags: 7-day checks")
    if (dateOrLengthNext(text.slice(m.index! + m[0].length, m.index! + m[0].length + 14))) continue;
    // "Club licences: 26 clubs": the noun after the figure says what it counts
    const next = /^\s*([A-Za-z][\w-]{3,})/.exec(text.slice(m.index! + m[0].length))?.[1] ?? "";
    const person = PERSONS.test(next);
    if (/s$/i.test(next) && ((unitOf(next) !== null && unitOf(next) !== unit) || (unit === "user" && !person)))
      continue;
    // "Site user training: two recorded webinars": a figure with a noun of its own a word or two on counts that
    if (ownNouns(text, m.index! + m[0].length, unit, 1).some((w) => !(unit === "user" && PERSONS.test(w)))) continue;
    const start = m.index!;
    if (out.some((q) => q.start < start + m[0].length && q.end > start)) continue;
    out.push({ value, unit, start, end: start + m[0].length, bound: "exact" });
  }
  return out;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/**
 * Month names of the languages handoffs arrive in (Dutch, German, French, Spanish, Portuguese, Italian, Turkish), each
 * line a month; the short ones that are also words ("mars", "mai", "mei") are left out.
 */
const FOREIGN_MONTHS = [
  "januari|januar|janvier|enero|janeiro|gennaio|ocak",
  "februari|februar|février|fevrier|febrero|fevereiro|febbraio|şubat",
  "maart|märz|marzo|março",
  "avril|abril|aprile|nisan",
  "mayo|maio|maggio|mayıs",
  "juni|juin|junio|junho|giugno|haziran",
  "juli|juillet|julio|julho|luglio|temmuz",
  "augustus|août|agosto|ağustos",
  "septembre|septiembre|setembro|settembre|eylül",
  "oktober|octobre|octubre|outubro|ottobre|ekim",
  "noviembre|novembro|kasım",
  "dezember|décembre|decembre|diciembre|dezembro|dicembre|aralık",
];
export const MONTH_RE =
  String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|` +
  String.raw`sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|${FOREIGN_MONTHS.join("|")})(?![a-zà-ÿ])`;

/** The month number (1–12) of a month name in any of the languages above, or 0. */
const FOREIGN_MONTH_NUMBER = new Map(FOREIGN_MONTHS.flatMap((alts, i) => alts.split("|").map((n) => [n, i + 1])));
function monthNumber(name: string): number {
  const n = name.toLowerCase();
  return FOREIGN_MONTH_NUMBER.get(n) ?? MONTHS.findIndex((p) => n.startsWith(p)) + 1;
}

const ORDINAL_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
const ORDINAL_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"].concat([
  "seventeenth",
  "eighteenth",
  "nineteenth",
]);
const ORDINAL_DAY =
  String.raw`(?:(?:twenty|thirty)[- ](?:${ORDINAL_UNITS.join("|")})|twentieth|thirtieth|` +
  String.raw`${ORDINAL_TEENS.join("|")}|${ORDINAL_UNITS.join("|")})`;
/** 1–31 for "first" … "thirty-first", or 0. */
function ordinalDay(word: string): number {
  const w = word.toLowerCase().replace(/\s+/g, "-");
  const unit = (x: string) => ORDINAL_UNITS.indexOf(x) + 1;
  if (unit(w)) return unit(w);
  if (ORDINAL_TEENS.includes(w)) return 10 + ORDINAL_TEENS.indexOf(w);
  if (w === "twentieth") return 20;
  if (w === "thirtieth") return 30;
  const [tens, u] = w.split("-");
  const day = (tens === "twenty" ? 20 : tens === "thirty" ? 30 : 0) + unit(u ?? "");
  return day <= 31 && unit(u ?? "") ? day : 0;
}

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** normalized "MM-DD", "MM", "Q3", or null for event-relative dates */
  key: string | null;
}

const SLASH_DATE = /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?(?![\d/])/g;
const MONTH_NAME_DATE = new RegExp(
  String.raw`\b(?:(?:early|mid|late|end of|beginning of|start of)[\s-]+)?(${MONTH_RE})\.?` +
    String.raw`(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s+\d{4})?`,
  "gi",
);

const NAME_AFTER =
  /^\s+(?:asked|asks|said|says|wants?|wanted|thinks?|agreed|pushed|mentioned|told|knows?|is (?:the|our|their))\b/i;
const NAME_BEFORE = /\b(?:told|tell|asked|ask|know|knows|ping|cc|emailed|email|call|called|with|from|thanks?)\s+$/i;
function monthAsName(text: string, at: number, word: string): boolean {
  return (
    NAME_AFTER.test(text.slice(at + word.length, at + word.length + 24)) ||
    NAME_BEFORE.test(text.slice(Math.max(0, at - 12), at))
  );
}

/** Each pattern's key: a normalized date, null for a relative deadline, undefined for "not a date after all". */
const DATE_RES: { re: RegExp; key: (m: RegExpExecArray) => string | null | undefined }[] = [
  // 3/27, 3/27/2026; 27/03/2026 is read day-first because no month has 27
  {
    re: SLASH_DATE,
    key: (m) => {
      const [a, b] = [+m[1], +m[2]];
      if (a >= 1 && a <= 12 && b >= 1 && b <= 31) return `${m[1].padStart(2, "0")}-${m[2].padStart(2, "0")}`;
      if (a > 12 && a <= 31 && b >= 1 && b <= 12 && m[3]) return `${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
      return undefined;
    },
  },
  // "semana 41", "KW 12", "week 40 of 2026": a calendar week, read as its month (a plan's "Week 3" counts from the
  // project's start, and the first weeks of a year are too few to tell apart from it)
  {
    re: /\b(?:semana|semaine|kw|kalenderwoche|week|wk|W(?=\d))\.?\s?(\d{1,2})\b(?!\s*(?:[-–+]|to\b|of the\b|after\b|:))/gi,
    key: (m) => {
      const w = +m[1];
      if (w < 14 || w > 52) return undefined;
      return String(Math.min(12, Math.floor(((w - 1) * 7 + 3) / 30.44) + 1)).padStart(2, "0");
    },
  },
  // 01.02.2027: the European day.month.year
  {
    re: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])/g,
    key: (m) =>
      +m[2] >= 1 && +m[2] <= 12 && +m[1] >= 1 && +m[1] <= 31
        ? `${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`
        : undefined,
  },
  // "05.10–16.10", "on 27.10": day.month without its year, in a range of dates or after "on", "by", "until", "live"
  {
    re: new RegExp(
      String.raw`(?<![\d.,])(\d{1,2})\.(\d{1,2})(?=\.?\s*[–-]\s*\d{1,2}\.\d{1,2}(?![\d,]|\.\d))|` +
        String.raw`(?<=\d\.\d{1,2}\.?\s*[–-]\s*)(\d{1,2})\.(\d{1,2})(?![\d,]|\.\d)|` +
        String.raw`(?<=\b(?:on|by|until|till|before|from|am|bis|ab|live|launch|go-live:)\s+)` +
        // (what a clause is covered by is another clause: "SSO — covered by 3.1", "as set out by 4.2")
        String.raw`(?<!\b(?:covered|governed|addressed|handled|described|defined|specified|required|satisfied|met|` +
        String.raw`listed|referenced|set out|superseded|replaced|amended)\s+by\s+)` +
        String.raw`(\d{1,2})\.(\d{1,2})\.?(?![\d,]|\.\d)`,
      "gi",
    ),
    key: (m) => {
      const [d, mo] = [m[1] ?? m[3] ?? m[5], m[2] ?? m[4] ?? m[6]];
      return +mo >= 1 && +mo <= 12 && +d >= 1 && +d <= 31 ? `${mo.padStart(2, "0")}-${d.padStart(2, "0")}` : undefined;
    },
  },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, key: (m) => `${m[2]}-${m[3]}` },
  // 29-06-2026: day, month and year with hyphens are written day first (month first only when the day shows it)
  {
    re: /(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])/g,
    key: (m) => {
      const [a, b] = [+m[1], +m[2]];
      const [mon, day] = b > 12 && a <= 12 ? [m[1], m[2]] : [m[2], m[1]];
      return +mon >= 1 && +mon <= 12 && +day >= 1 && +day <= 31
        ? `${mon.padStart(2, "0")}-${day.padStart(2, "0")}`
        : undefined;
    },
  },
  // "the seventeenth of November", "the twenty-first of June": a day written as an ordinal word
  {
    re: new RegExp(String.raw`\bthe\s+(${ORDINAL_DAY})\s+(?:day\s+)?of\s+(${MONTH_RE})\.?(?:,?\s+\d{4})?\b`, "gi"),
    key: (m) => {
      const day = ordinalDay(m[1]);
      return day ? `${String(monthNumber(m[2])).padStart(2, "0")}-${String(day).padStart(2, "0")}` : undefined;
    },
  },
  // "1 Dec 2025" before "Dec 2025": the day belongs to the date
  {
    // ("the 11th of December", a deed's "the 4th day of October 2027")
    re: new RegExp(
      String.raw`\b(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:day\s+)?(?:of\s+)?(${MONTH_RE})\.?(?:,?\s+\d{4})?\b`,
      "gi",
    ),
    key: (m) => `${String(monthNumber(m[2])).padStart(2, "0")}-` + `${m[1].padStart(2, "0")}`,
  },
  {
    re: MONTH_NAME_DATE,
    key: (m) => {
      const mon = monthNumber(m[1]);
      if (!mon) return null;
      // the verb "may"
      if (m[1].toLowerCase() === "may" && !m[2] && !/\d|mid|early|late|end|beginning|start/i.test(m[0])) return null;
      // a person named for a month, who asks, says or is told ("june asked if …", "I know June well", "ping April")
      if (!m[2] && !/\d/.test(m[0]) && /^(?:april|may|june|august)$/i.test(m[0]) && monthAsName(m.input, m.index, m[0]))
        return undefined;
      return m[2] ? `${String(mon).padStart(2, "0")}-${m[2].padStart(2, "0")}` : String(mon).padStart(2, "0");
    },
  },
  // "go-live EOQ3", "by end of Q2": when that (calendar) quarter closes
  {
    re: /\b(?:EOQ\s?|end of Q)([1-4])\b/gi,
    key: (m) => `${String(3 * +m[1]).padStart(2, "0")}-${[31, 30, 30, 31][+m[1] - 1]}`,
  },
  {
    re: /\b(Q[1-4])\b|\b(EO[QMY])\b|\bend of (?:the |next |this )?(quarter|month|year)\b/gi,
    key: (m) => (m[1] ?? m[2] ?? m[3]).toUpperCase(),
  },
  {
    re: new RegExp(
      [
        String.raw`\b(?:within|in|after|by)\s+(?:the\s+first\s+)?(?:\d+|a|one|two|three|four|five|six|seven|`,
        String.raw`eight|nine|ten|twelve|a couple of)\s+(?:business\s+|working\s+)?(?:days?|weeks?|months?|`,
        String.raw`sprints?)\b`,
      ].join(""),
      "gi",
    ),
    key: () => null,
  },
  { re: /\b(?:by|before|in time for) (?:the end of )?sprint \d+\b/gi, key: () => null },
];

/** Date and deadline mentions: calendar dates, months, quarters, relative durations. */
export function dateMentions(text: string, opts: { dayFirst?: boolean } = {}): DateMention[] {
  const out: DateMention[] = [];
  for (const { re, key: read } of DATE_RES) {
    // a packet whose dates are written day first (27/03) reads 04/09 as the 4th of September
    const key =
      opts.dayFirst && re === SLASH_DATE
        ? (m: RegExpExecArray) =>
            +m[2] <= 12 && +m[1] <= 31 ? `${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : undefined
        : read;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (out.some((d) => start < d.end && end > d.start)) continue;
      const k = key(m);
      if (k === undefined || (k === null && re === MONTH_NAME_DATE)) continue;
      out.push({ start, end, text: m[0], key: k });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

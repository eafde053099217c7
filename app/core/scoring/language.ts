// Which language a field is written in, from its function words (the most frequent words of each language are
// a reliable signal on a few dozen words). The text checks read English; a field in another language is scored
// by what does not depend on language (owners, numbers, dates, amounts, conflicts) and says so.

const FUNCTION_WORDS: Record<string, string[]> = {
  en: "the and of to in is for on with that this we will be are as by it our you they have not at from or".split(" "),
  de: (
    "der die das und ist nicht mit für auf den dem des " + "ein eine wir sie zu im es von auch bei nach werden sind"
  ).split(" "),
  fr: "le la les et est des une un pour dans que qui pas sur avec nous vous au du ce sont par être plus".split(" "),
  es: "el la los las y es que en una para con por del al su como más pero sus también está".split(" "),
  nl: "het een en van op met voor niet dat wij zijn aan ook bij naar wordt worden maar".split(" "),
  pt: "os é que em um uma para com não por do da dos das ao mais mas também são".split(" "),
  it: "il la gli di che è con del della delle dei degli una sono anche più nel nella alla alle questo essere sulla tutti ogni sarà dal dalla nei ai".split(
    " ",
  ),
  tr: "ve bir bu için ile olarak olan çok daha ama gibi her değil var yok olacak sonra kadar".split(" "),
  no: "og det er som på til av med har ikke vi skal vil fra kan også etter blir eller".split(" "),
  sv: "och att det är som på ett till av för med har inte vi ska kan från också efter eller".split(" "),
  pl: "nie się jest że od jak dla przez oraz być są będzie ale".split(" "),
};
const NAMES: Record<string, string> = {
  en: "English",
  de: "German",
  fr: "French",
  es: "Spanish",
  nl: "Dutch",
  pt: "Portuguese",
  it: "Italian",
  tr: "Turkish",
  no: "Norwegian",
  sv: "Swedish",
  pl: "Polish",
};
const SETS = Object.entries(FUNCTION_WORDS).map(([k, v]) => [k, new Set(v)] as const);

export function languageName(code: string): string {
  return NAMES[code] ?? code;
}

const ENGLISH_HINT = /\b(?:the|and|with|will|for|they|this|that|have|are)\b/gi;

/**
 * A language code ("en", "de", "fr", "es", "nl", "pt", "it", "tr", "no", "sv", "pl"), or null when the text is too
 * short or mixed to tell.
 */
export function detectLanguage(text: string): string | null {
  // fast path: plainly English text (most fields) needs no count per language
  const hint = text.match(ENGLISH_HINT)?.length ?? 0;
  if (hint >= 4 && hint * 12 >= text.length / 6) return "en";
  // acronyms ("DOS", "UAT") are names, not words of a language
  const words = (text.match(/\p{L}+/gu) ?? [])
    .filter((w) => w.length === 1 || w !== w.toUpperCase())
    .map((w) => w.toLowerCase());
  if (words.length < 12) return null;
  const hits: Record<string, number> = {};
  for (const w of words) for (const [lang, set] of SETS) if (set.has(w)) hits[lang] = (hits[lang] ?? 0) + 1;
  const ranked = Object.entries(hits).sort((a, b) => b[1] - a[1]);
  if (!ranked.length) return null;
  const [best, n] = ranked[0];
  const second = ranked[1]?.[1] ?? 0;
  // a clear winner: a real share of the words, well ahead of the next language
  if (n / words.length < 0.08 || n < 1.5 * second) return null;
  return best;
}

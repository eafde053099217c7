// Commercial terms given away in a note that both the scope-exception detector (which flags them) and the
// promise detector (which leaves them to it) must read alike.

/**
 * A discount carried on past what was recorded ("the 15% would carry over to the add-on", "extend the 10 % into year
 * 2") or a fee paid to us in parts ("pay the onboarding fee in three instalments").
 */
export const GIVEN_AWAY_TERMS = [
  // ("the 15% multi-year rate applies", a rate named between)
  String.raw`\b\d+(?:\.\d+)?\s?%\s+(?:[\w-]+\s+){0,2}?(?:rate\s+|discount\s+)?(?:would\s+|will\s+|still\s+)?` +
    String.raw`(?:carr(?:y|ies)|holds?|appl(?:y|ies)|extends?|stays?)\b`,
  String.raw`\b(?:extend|carry|hold)\w*\s+(?:the\s+)?\d+(?:\.\d+)?\s?%`,
  String.raw`\b(?:implementation|services?|set-?up|onboarding)\b[^.;]{0,60}\binstal+ments?\b`,
  // ("he can pay the build in three monthly chunks")
  String.raw`\bpay (?:the |their |our |it )?(?:[\w-]+ ){0,2}in (?:\d+|two|three|four|five|six|twelve) ` +
    String.raw`(?:monthly |quarterly |equal )?(?:chunks?|instal+ments?|payments?|parts?|tranches?|pieces?)\b`,
  // ("she doesn't pay our invoice until the first grant money arrives")
  String.raw`\b(?:doesn'?t|don'?t|won'?t|does not|do not|will not) (?:have to )?pay (?:our |the |their |any )?` +
    String.raw`(?:[\w-]+ ){0,2}(?:invoices?|fees?|bills?)\b[^.;]{0,40}\buntil\b`,
].join("|");

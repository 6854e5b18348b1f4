/** The dominant writing system of a name, as an ISO 15924 code, for lists that do not say. */

const SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['Latn', /\p{Script=Latin}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Hani', /\p{Script=Han}/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Jpan', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
  ['Mymr', /\p{Script=Myanmar}/u],
  ['Khmr', /\p{Script=Khmer}/u],
  ['Taml', /\p{Script=Tamil}/u],
  ['Sinh', /\p{Script=Sinhala}/u],
  ['Tibt', /\p{Script=Tibetan}/u],
];

const ASCII_LETTER = /[A-Za-z]/;
const LETTER = /\p{L}/u;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Counts letters per script and returns the most frequent; `Zyyy` (common) when the text has no letters.
 * Han mixed with kana is Japanese (`Jpan`).
 */
export function detectScript(text: string): string {
  // Most list names are plain ASCII, where the only letters are A–Z and a–z: skip the per-character scan.
  if (!NON_ASCII.test(text)) return ASCII_LETTER.test(text) ? 'Latn' : 'Zyyy';
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (ASCII_LETTER.test(ch)) {
      counts.set('Latn', (counts.get('Latn') ?? 0) + 1);
      continue;
    }
    if (!LETTER.test(ch)) continue;
    let code = 'Zzzz';
    for (const [c, re] of SCRIPTS) {
      if (re.test(ch)) {
        code = c;
        break;
      }
    }
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  if (counts.has('Jpan') && counts.has('Hani')) {
    counts.set('Jpan', (counts.get('Jpan') ?? 0) + (counts.get('Hani') ?? 0));
    counts.delete('Hani');
  }
  let best = 'Zyyy';
  let bestN = 0;
  for (const [code, n] of counts) {
    if (n > bestN) {
      best = code;
      bestN = n;
    }
  }
  return best;
}

/**
 * Alignment of an unvowelled spelling (a name transliterated from Arabic, Persian, Urdu or Pashto
 * script) with a Latin spelling: Latin short vowels and doubled letters are free, the usual
 * transliteration alternations (q/k/g, d/z/dh, j/g, w/v/u/o, kh/h…) are cheap, every other edit costs 1.
 * محمد (mhmd) aligns with Muhammad, Mohamed and Mahmud at no cost, with Hamid not at all.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

// Pairs of letters that transliterate one Arabic-script letter, with their cost.
const ALT = new Map<string, number>();
for (const [pairs, cost] of [
  ['qk qg kg kc qc cs zs zd dz sc jg jy wv wu wo vu vo uo oi ie ei ea ae ou fp bp td tz ts iy ye zj', 0.2],
  ['ao yu', 0.3],
] as const) {
  for (const p of pairs.split(' ')) {
    ALT.set(p, cost);
    ALT.set(`${p[1]}${p[0]}`, cost);
  }
}
// A long vowel the Arabic script writes (alif, waw, ya) against another Latin vowel: Mahmud محمود is not Muhammad.
for (const [pair, cost] of [
  ['ai', 0.4],
  ['ia', 0.4],
  ['au', 0.4],
  ['ua', 0.7],
  ['wa', 0.7],
  ['iu', 0.5],
  ['ui', 0.5],
] as const) {
  ALT.set(pair, cost);
}

function isVowel(c: string): boolean {
  return VOWELS.has(c);
}

let dp = new Float64Array(32 * 32);

/** The cost of aligning every letter of `latin` with the unvowelled `abjad` spelling. */
export function abjadCost(abjad: string, latin: string): number {
  const la = abjad.length;
  const ll = latin.length;
  const w = ll + 1;
  if ((la + 1) * w > dp.length) dp = new Float64Array((la + 1) * w * 2);
  dp[0] = 0;
  // Row 0: Latin letters with no Arabic counterpart.
  for (let j = 1; j <= ll; j++) dp[j] = (dp[j - 1] as number) + dropLatin(latin, j - 1);
  for (let i = 1; i <= la; i++) {
    const a = abjad[i - 1] as string;
    const dropA = dropAbjad(abjad, i - 1);
    dp[i * w] = (dp[(i - 1) * w] as number) + dropA;
    for (let j = 1; j <= ll; j++) {
      const l = latin[j - 1] as string;
      // A word-initial ain or alif is written "a" and read as any vowel (Omar, Umar, Amr; Ibrahim, Abrahim).
      let best = (dp[(i - 1) * w + j - 1] as number) + (i === 1 && j === 1 && a === 'a' && isVowel(l) ? 0.1 : subst(a, l));
      const del = (dp[(i - 1) * w + j] as number) + dropA;
      if (del < best) best = del;
      const ins = (dp[i * w + j - 1] as number) + dropLatin(latin, j - 1);
      if (ins < best) best = ins;
      dp[i * w + j] = best;
    }
  }
  return dp[la * w + ll] as number;
}

function subst(a: string, l: string): number {
  if (a === l) return 0;
  return ALT.get(a + l) ?? 1;
}

/** A Latin letter the unvowelled spelling does not write. */
function dropLatin(latin: string, j: number): number {
  const c = latin[j] as string;
  const prev = latin[j - 1];
  if (isVowel(c)) {
    // Short vowels go unwritten, but a word-initial vowel is written (alif, ain) and so is a long one (ee, oo, ou).
    if (j === 0) return latin[1] !== undefined && latin[1] === latin[2] ? 0.2 : 0.6; // Essabar: the article assimilated
    if (prev === undefined || !isVowel(prev)) return 0;
    // A second vowel marks a long one: "ei"/"ai" is a written ya (Hussein حسين, not Hasan حسن), "aa"/"ou" often nothing.
    return c === 'i' && prev !== 'i' ? 0.45 : 0.2;
  }
  if (c === prev) return 0; // doubled consonant (shadda): Muhammad / mhmd
  if (c === 'h') {
    if (j === latin.length - 1) return 0; // final -h (Fatemeh, Abdullah)
    if (prev !== undefined && 'kgstdcz'.includes(prev)) return 0.3; // kh / k, th / t: one letter or two
    return 1;
  }
  if (c === 'y' && prev !== undefined && isVowel(prev)) return 0.45; // ay: a written ya
  if (c === 'w' && prev !== undefined && isVowel(prev)) return 0.3;
  if (c === 'd' && latin[j + 1] === 'j') return 0.2; // Djamal / jmal
  return 1;
}

/** A letter of the unvowelled spelling the Latin one lacks. */
function dropAbjad(abjad: string, i: number): number {
  const c = abjad[i] as string;
  const prev = abjad[i - 1];
  if (c === 'h') {
    if (i === abjad.length - 1) return 0.1; // final he / ta marbuta
    if (prev !== undefined && 'kgstdcz'.includes(prev)) return 0.3;
  }
  if (c === prev) return 0;
  if (c === 'a' || c === 'i' || c === 'u' || c === 'w' || c === 'y') {
    // An initial ain or alif before a long vowel is often not written in Latin (عيسى Isa); otherwise a written
    // long vowel the Latin lacks is a different name (محمود Mahmud is not Muhammad).
    if (i === 0) return abjad[1] !== undefined && 'aiuwy'.includes(abjad[1]) ? 0.2 : 0.8;
    return c === 'a' ? 0.4 : 0.7;
  }
  return 1;
}

/**
 * Similarity in [0, 1] of an unvowelled spelling with a Latin one: 1 − cost / length, where length
 * counts the letters the Arabic spelling writes (or the Latin consonants, if more).
 * @example abjadSimilarity('mhmd', 'mohammed') // 1
 */
export function abjadSimilarity(abjad: string, latin: string): number {
  if (abjad.length === 0 || latin.length === 0) return 0;
  let consonants = 0;
  for (let j = 0; j < latin.length; j++) {
    const c = latin[j] as string;
    if (!isVowel(c) && c !== latin[j - 1]) consonants++;
  }
  const len = Math.max(abjad.length, consonants, 2);
  return Math.max(0, 1 - abjadCost(abjad, latin) / len);
}

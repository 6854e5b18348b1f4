/** Folds the spelling conventions of romanised names that never change the name: long vowels, doubled letters, a final -h. */

const isVowel = (c: number): boolean => c === 97 || c === 101 || c === 105 || c === 111 || c === 117; // a e i o u

/**
 * The folded spelling of a normalised Latin token. English-style romanisations write a long vowel
 * double (Yaseen, Raheem, Mahmood, Haroon) or as "ou" (Yousef), the scholarly ones single (Yasin,
 * Rahim, Mahmud, Harun, Yusef); doubled consonants (shadda: Hassan / Hasan) and a final -h after a
 * vowel (Fatimah / Fatima) come and go; qaf is q or k, jim dj or j. Two tokens with one fold are
 * spellings of one name — a generalisation of the variant classes to names no class lists.
 * One pass, no allocation for a token with nothing to fold (it runs for every token of every query).
 * @example spellingFold('yaseen') === spellingFold('yasin') // 'yasin'
 */
export function spellingFold(token: string): string {
  const n = token.length;
  if (n < 3) return token;
  let out = '';
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = token.charCodeAt(i);
    const next = i + 1 < n ? token.charCodeAt(i + 1) : 0;
    // ee → i; oo, ou, uu → u; aa → a; ii → i
    if (c === 101 && next === 101) {
      out += 'i';
      i++;
      changed = true;
    } else if (c === 111 && (next === 111 || next === 117)) {
      out += 'u';
      i++;
      changed = true;
    } else if ((c === 117 || c === 97 || c === 105) && next === c) {
      out += token[i];
      i++;
      changed = true;
    } else if (c === 100 && next === 106) {
      // dj → j
      changed = true;
    } else if (c === 113 || (c === 99 && next === 107)) {
      // q, ck → k
      out += 'k';
      if (c === 99) i++;
      changed = true;
    } else if (c === next && !isVowel(c)) {
      // a doubled consonant is written once (the next letter is the same: skip this one)
      changed = true;
    } else if (c === 104 && i === n - 1 && isVowel(token.charCodeAt(i - 1))) {
      // final -h after a vowel
      changed = true;
    } else out += token[i];
  }
  return changed ? out : token;
}

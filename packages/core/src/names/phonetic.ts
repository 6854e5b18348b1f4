/** Consonant skeleton keys: a phonetic key for transliterated names that survives missing short vowels. */

// Second letters that fold a digraph onto its first letter's sound class (kh → k, sh → s, ph → f…).
const DIGRAPH: Record<string, Record<string, string>> = {
  p: { h: 'f' },
  k: { h: 'k' },
  g: { h: 'g' },
  s: { h: 's' },
  c: { h: 's', k: 'k' },
  t: { h: 't', s: 's' },
  d: { h: 'd', j: 'j' },
  z: { h: 'j' },
};

/**
 * The consonant skeleton of a normalised token: digraphs folded (kh → k, sh → s, th → t, ph → f…),
 * q/c → k, z → s, x → ks, vowels, w, y, v and a final h dropped, doubles collapsed. Arabic-script
 * spellings (no short vowels) and Latin spellings of the same name share it: محمد → mhmd = Muhammad.
 * @example skeleton('hussein') // 'hsn'
 */
export function skeleton(token: string): string {
  let out = '';
  let last = '';
  const n = token.length;
  for (let i = 0; i < n; i++) {
    let c = token[i] as string;
    const d = DIGRAPH[c];
    if (d !== undefined && i + 1 < n) {
      const folded = d[token[i + 1] as string];
      if (folded !== undefined) {
        c = folded;
        i++;
      }
    }
    switch (c) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
      case 'w':
      case 'v':
        continue;
      case 'h':
        // kept (Hamada ≠ Muhammad) except at the end, where Latin spellings often drop it (Abdullah / Abdulla)
        if (i === n - 1) continue;
        break;
      case 'q':
        c = 'k';
        break;
      case 'c':
        // soft c (Lounici, Cecilia) sounds s; hard c k
        c = token[i + 1] === 'e' || token[i + 1] === 'i' || token[i + 1] === 'y' ? 's' : 'k';
        break;
      case 'z':
        c = 's';
        break;
      case 'x':
        c = 'ks';
        break;
      default:
    }
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

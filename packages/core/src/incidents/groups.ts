/** The managed list of armed groups, with the aliases reports use, and their recognition in text. */

export interface ArmedGroup {
  /** Stable id (`ttp`). */
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

export const DEFAULT_GROUPS: readonly ArmedGroup[] = [
  {
    id: 'ttp',
    name: 'Tehrik-i-Taliban Pakistan',
    aliases: [
      'TTP',
      'Tehreek-e-Taliban Pakistan',
      'Tehrik-e-Taliban Pakistan',
      'Pakistani Taliban',
      'Fitna al-Khawarij',
      'Fitna al Khawarij',
    ],
  },
  {
    id: 'bla',
    name: 'Balochistan Liberation Army',
    aliases: ['BLA', 'Baloch Liberation Army', 'Baluchistan Liberation Army', 'Fitna al-Hindustan'],
  },
  { id: 'blf', name: 'Balochistan Liberation Front', aliases: ['BLF', 'Baloch Liberation Front'] },
  {
    id: 'iskp',
    name: 'Islamic State Khorasan Province',
    aliases: ['ISKP', 'IS-K', 'ISIS-K', 'ISIL-K', 'Islamic State-Khorasan', 'Daesh', 'Islamic State'],
  },
  { id: 'lej', name: 'Lashkar-e-Jhangvi', aliases: ['LeJ', 'LJ', 'Lashkar-i-Jhangvi', 'Lashkar e Jhangvi'] },
  { id: 'jua', name: 'Jamaat-ul-Ahrar', aliases: ['JuA', 'Jamaatul Ahrar', 'Jamat-ul-Ahrar'] },
  { id: 'hgb', name: 'Hafiz Gul Bahadur group', aliases: ['Hafiz Gul Bahadur', 'Gul Bahadur group'] },
  { id: 'let', name: 'Lashkar-e-Taiba', aliases: ['LeT', 'Lashkar-e-Tayyiba', 'Jamaat-ud-Dawa'] },
  { id: 'jem', name: 'Jaish-e-Mohammed', aliases: ['JeM', 'Jaish-e-Muhammad'] },
  { id: 'aq', name: 'Al-Qaeda', aliases: ['al-Qaeda', 'Al Qaeda', 'Al-Qaida', 'AQIS', 'al-Qaeda in the Indian Subcontinent'] },
  { id: 'afghan-taliban', name: 'Afghan Taliban', aliases: ['Taliban', 'Islamic Emirate of Afghanistan'] },
  { id: 'haqqani', name: 'Haqqani network', aliases: ['Haqqani Network', 'Haqqanis'] },
];

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[-‐–\s]+/g, ' ')
    .trim();

/** A compiled group list: resolves a name or alias, and finds groups in running text. */
export class GroupIndex {
  readonly groups: readonly ArmedGroup[];
  readonly #byKey = new Map<string, ArmedGroup>();
  readonly #pattern: RegExp;

  constructor(groups: readonly ArmedGroup[] = DEFAULT_GROUPS) {
    this.groups = groups;
    const spellings: string[] = [];
    for (const g of groups) {
      for (const s of [g.name, ...g.aliases]) {
        if (!this.#byKey.has(norm(s))) this.#byKey.set(norm(s), g);
        spellings.push(s);
      }
    }
    const alts = [...new Set(spellings)]
      .sort((a, b) => b.length - a.length)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[-\s]+/g, '[-‐–\\s]+'));
    // Acronyms match as written; names case-insensitively would catch "islamic state" in prose, which is wanted.
    this.#pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }

  resolve(name: string): ArmedGroup | undefined {
    return this.#byKey.get(norm(name));
  }

  get(id: string): ArmedGroup | undefined {
    return this.groups.find((g) => g.id === id);
  }

  find(text: string): { readonly group: ArmedGroup; readonly index: number; readonly text: string }[] {
    const out: { group: ArmedGroup; index: number; text: string }[] = [];
    for (const m of text.matchAll(this.#pattern)) {
      const g = this.#byKey.get(norm(m[0]));
      if (g) out.push({ group: g, index: m.index ?? 0, text: m[0] });
    }
    return out;
  }
}

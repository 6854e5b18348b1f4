/** Resolves a country as users write it (ISO code, English name, common alias) to ISO 3166-1 alpha-2. */

const ALIASES: Record<string, string> = {
  usa: 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  russia: 'RU',
  'russian federation': 'RU',
  iran: 'IR',
  syria: 'SY',
  'north korea': 'KP',
  'south korea': 'KR',
  korea: 'KR',
  uae: 'AE',
  emirates: 'AE',
  'ivory coast': 'CI',
  "cote d'ivoire": 'CI',
  burma: 'MM',
  'czech republic': 'CZ',
  vietnam: 'VN',
  laos: 'LA',
  bolivia: 'BO',
  venezuela: 'VE',
  tanzania: 'TZ',
  moldova: 'MD',
  palestine: 'PS',
  'state of palestine': 'PS',
  'democratic republic of the congo': 'CD',
  drc: 'CD',
  'republic of the congo': 'CG',
  congo: 'CG',
  kosovo: 'XK',
  turkey: 'TR',
  'the netherlands': 'NL',
  holland: 'NL',
  macedonia: 'MK',
  swaziland: 'SZ',
  'cape verde': 'CV',
  taiwan: 'TW',
  'hong kong': 'HK',
};

let byName: Map<string, string> | undefined;

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function table(): Map<string, string> {
  if (byName) return byName;
  const m = new Map<string, string>();
  // Intl knows every ISO region's English name; derive the table rather than hand-copy 249 rows.
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      let n: string | undefined;
      try {
        n = names.of(code);
      } catch {
        n = undefined;
      }
      if (n && n !== code && !/^Unknown/.test(n)) {
        m.set(fold(n), code);
        m.set(code.toLowerCase(), code);
      }
    }
  }
  for (const [k, v] of Object.entries(ALIASES)) m.set(k, v);
  byName = m;
  return m;
}

/**
 * ISO alpha-2 for "PK", "pk", "Pakistan", "United Arab Emirates", "USA"…; undefined when unknown.
 * @example resolveCountry('United Arab Emirates') // 'AE'
 */
export function resolveCountry(text: string): string | undefined {
  const t = fold(text);
  if (t === '') return undefined;
  return table().get(t);
}

/** People and organisations named in news text, by capitalisation, titles and organisation words. */

/** Words that make what follows a person's name. */
const REAL_TITLES = new Set(
  "minister ministers secretary president ambassador affaires d’affaires d'affaires chargé charge governor chief general gen lt col colonel major maj brigadier commander senator spokesman spokesperson mr ms mrs dr prime inspector commissioner chairman maulana mufti qari imam advisor adviser envoy director justice king prince sheikh sardar nawab marshal superintendent mna mpa".split(
    ' ',
  ),
);

/** Words stripped from the front of a name candidate (titles, offices, countries, connectors). */
const TITLES = new Set(
  "united states kingdom minister ministers secretary president vice ambassador affaires d’affaires d'affaires chargé charge governor chief general gen lt col colonel major maj brigadier commander senator spokesman spokesperson mr ms mrs dr prime deputy assistant inspector officer commissioner chairman leader maulana mufti qari imam advisor adviser envoy director justice king prince sheikh sardar nawab senior special federal foreign interior state us u.s. uk un pakistan pakistan’s pakistani american washington islamabad of for the and south north east west central asian asia affairs defence defense finance information home provincial caretaker former late army air naval field marshal police superintendent deputy-commissioner mna mpa member".split(
    ' ',
  ),
);

const ORG_WORDS =
  /\b(Ministry|Ministries|Institute|Agency|Agencies|Department|Bureau|Office|Army|Forces?|Constabulary|Council|Commission|Party|Front|Organi[sz]ation|Authority|Wing|Centre|Center|Studies|Times|Bank|Fund|Group|League|Movement|Network|Police|Corps|Levies|Court|Assembly|Senate|Parliament|University|Hospital|Association|Union|Committee|Tribune|Dawn|Express|Post|News|Channel|Foundation|Programme|Program|Taliban|Lashkar|Jaish|Tehrik|Tehreek|Jamaat|Directorate|Division|Cell|Unit|Board|Secretariat)\b/;

const NOT_NAMES = new Set(
  'united states kingdom nations january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday both speaking according however while earlier later despite highlighting in on at a an it he she they this that these those his her their its we our pakistan pakistan’s islamabad washington shia sunni friday'.split(
    ' ',
  ),
);

export interface NameMentions {
  /** Full names as first given ("Mohsin Naqvi"). */
  readonly people: readonly string[];
  readonly organisations: readonly string[];
}

const CAP = "(?:[A-Z]\\.){2,}|[A-Z][\\p{L}'’-]*";
const SEQ = new RegExp(`(?:${CAP})(?:\\s+(?:(?:of|for|and|the|&)\\s+|d’|d')?(?:${CAP}))*`, 'gu');

function stripTitles(tokens: string[]): { rest: string[]; titled: boolean } {
  let k = 0;
  let titled = false;
  while (k < tokens.length && TITLES.has((tokens[k] as string).toLowerCase())) {
    if (REAL_TITLES.has((tokens[k] as string).toLowerCase())) titled = true;
    k++;
  }
  return { rest: tokens.slice(k), titled };
}

/**
 * Finds people and organisations. A person is two to four capitalised words after a title
 * ("Interior Minister Mohsin Naqvi") or whose surname recurs alone ("… Naqvi said"); an
 * organisation is a capitalised phrase holding an organisation word ("Interior Ministry") or an
 * acronym in brackets. `known` organisations (armed groups) are reported by the caller.
 */
export function findNames(text: string, places: (s: string) => boolean): NameMentions {
  const people = new Map<string, string>();
  const orgs = new Map<string, string>();
  const candidates: { tokens: string[]; titled: boolean }[] = [];
  for (const m of text.matchAll(SEQ)) {
    let tokens = m[0]
      .split(/\s+/)
      .map((t) =>
        t
          .replace(/[’']s$/, '')
          .replace(/(?<=[a-z]{2})\.$/, '')
          .replace(/[.,]$/, (x) => (/^([A-Z]\.)+$/.test(t) ? x : '')),
      )
      .filter(Boolean);
    // An organisation phrase, possibly followed by a person ("Interior Ministry Secretary Khurram Agha").
    let orgEnd = -1;
    tokens.forEach((t, i) => {
      if (ORG_WORDS.test(t)) orgEnd = i;
    });
    if (orgEnd >= 0) {
      let start = 0;
      while (start < orgEnd && /^(the|of|for|and)$/i.test(tokens[start] as string)) start++;
      const org = tokens
        .slice(start, orgEnd + 1)
        .join(' ')
        .replace(/^[A-Z][a-z]+-based\s+/, '');
      if (org.split(' ').length >= 2 || /^[A-Z]{2,}$/.test(org) || /^(Dawn|Taliban)$/.test(org)) orgs.set(org.toLowerCase(), org);
      tokens = tokens.slice(orgEnd + 1);
    }
    // "Minister Mohsin Naqvi and Secretary John Mark Pomeroy": each side of "and" may be a person.
    const parts: string[][] = [[]];
    for (const t of tokens) {
      if (/^(and|&)$/i.test(t)) parts.push([]);
      else (parts[parts.length - 1] as string[]).push(t);
    }
    let seqTitled = false;
    for (const part of parts) {
      const stripped = stripTitles(part.filter((t) => !/^(of|for|the)$/i.test(t)));
      const rest = stripped.rest;
      // "Secretary of State for South and Central Asian Affairs John Mark Pomeroy": the title is before the "and".
      const titled = stripped.titled || (seqTitled && part.length > rest.length);
      seqTitled ||= part.some((t) => REAL_TITLES.has(t.toLowerCase()));
      if (rest.length === 0) continue;
      if (orgEnd >= 0 && !titled) continue;
      if (rest.some((t) => NOT_NAMES.has(t.toLowerCase()) || /^[A-Z]{2,}$/.test(t) || places(t))) continue;
      candidates.push({ tokens: rest, titled });
    }
  }
  for (const m of text.matchAll(/\(([A-Z][A-Za-z]{1,9})\)/g)) orgs.set((m[1] as string).toLowerCase(), m[1] as string);
  const words = text.match(/\p{Lu}[\p{L}’'-]+/gu) ?? [];
  const countOf = new Map<string, number>();
  for (const w of words) countOf.set(w, (countOf.get(w) ?? 0) + 1);
  for (const c of candidates) {
    if (c.tokens.length < 2 || c.tokens.length > 4) continue;
    const surname = c.tokens[c.tokens.length - 1] as string;
    if (!c.titled && (countOf.get(surname) ?? 0) < 2) continue;
    const full = c.tokens.join(' ');
    if (![...people.values()].some((p) => p.endsWith(` ${surname}`))) people.set(full.toLowerCase(), full);
  }
  return { people: [...people.values()], organisations: [...orgs.values()] };
}

/** The surname a full name is referred to by ("Mohsin Naqvi" → "naqvi"). */
export function surnameKey(name: string): string {
  return (name.split(/\s+/).pop() ?? name).toLowerCase();
}

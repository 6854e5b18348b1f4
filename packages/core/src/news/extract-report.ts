/** One news report in, everything it says out: date, places, people, organisations, casualty figures, incidents and statistics. */

import type { PlaceIndex } from '../incidents/gazetteer.js';
import type { GroupIndex } from '../incidents/groups.js';
import type { AttributionStatus, IncidentDate, IncidentPlace, IncidentType, Initiator } from '../incidents/incident.js';
import { type CasualtyFigure, findCasualtyFigures } from './casualty-figures.js';
import { cleanArticle } from './clean-article.js';
import { findNames } from './name-mentions.js';
import { type TimeMention, addDays, findTimeMentions, iso, weekdayOf } from './news-dates.js';

export interface ExtractOptions {
  readonly places: PlaceIndex;
  readonly groups: GroupIndex;
  /** The date relative expressions resolve against when the report states none (inferred from its event). */
  readonly referenceDate?: string;
}

/** An incident as one report mentions it, before it is matched with other reports' mentions. */
export interface IncidentMention {
  readonly sentence: string;
  readonly type: IncidentType;
  readonly initiator: Initiator;
  readonly suicide: boolean;
  readonly date?: IncidentDate;
  readonly dateText?: string;
  readonly place?: IncidentPlace;
  readonly perpetrator?: { readonly status: AttributionStatus; readonly group: string };
  /** The figures, each marked when a party to the violence gives it. */
  readonly figures: readonly (CasualtyFigure & { readonly ownClaim?: boolean })[];
  /** A party to the violence is the source of the figures (military press wing, militant group). */
  readonly ownClaim: boolean;
  /** Index of an earlier mention of this report this one follows from ("after attacks claimed by …"). */
  readonly follows?: number;
}

/** A statistic as one report quotes it: a period, a measure, figures, a change, and who compiled it. */
export interface StatisticMention {
  readonly period?: IncidentDate;
  readonly periodText?: string;
  readonly measure: 'killed' | 'injured' | 'attacks';
  readonly figures: readonly CasualtyFigure[];
  readonly change?: {
    readonly percent: number;
    readonly direction: 'up' | 'down';
    readonly comparedTo?: IncidentDate;
    readonly text: string;
  };
  readonly source?: string;
  readonly sentences: readonly string[];
}

export interface ReportExtraction {
  readonly title?: string;
  readonly outlet?: string;
  readonly byline?: string;
  readonly dateline?: string;
  /** The date the report states. */
  readonly publishedAt?: string;
  /** The date relative expressions were resolved against: stated, or given by the caller. */
  readonly referenceDate?: string;
  readonly text: string;
  readonly sentences: readonly string[];
  /** The date of the report's main event (its lead), and the weekday its lead names. */
  readonly eventDate?: IncidentDate;
  readonly eventWeekday?: number;
  readonly places: readonly { readonly text: string; readonly place: IncidentPlace }[];
  readonly people: readonly string[];
  readonly organisations: readonly string[];
  readonly groups: readonly string[];
  readonly figures: readonly (CasualtyFigure & { readonly sentence: number })[];
  readonly incidents: readonly IncidentMention[];
  readonly statistics: readonly StatisticMention[];
}

const ABBREV =
  /\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Brig|Capt|St|No|Vol|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|D\.I|D\.G|i\.e|e\.g|vs|etc)\.$/;

export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])/g;
  for (const m of paragraph.matchAll(re)) {
    const end = (m.index ?? 0) + m[0].trimEnd().length;
    const piece = paragraph.slice(start, end);
    if (ABBREV.test(piece.trimEnd()) || /\b[A-Z]\.$/.test(piece.trimEnd())) continue;
    out.push(piece.trim());
    start = (m.index ?? 0) + m[0].length;
  }
  const last = paragraph.slice(start).trim();
  if (last) out.push(last);
  return out;
}

const TYPE_RULES: [RegExp, IncidentType][] = [
  [/\bsuicide\b/i, 'suicide-bombing'],
  [
    /\b(drones?|unmanned (?:aerial )?(?:aircraft|vehicle)|UAVs?|quadcopters?|missile strikes?|air ?strikes?|airstrikes?|aerial (?:strike|bombardment)|jets? (?:struck|pounded))\b/i,
    'drone-strike',
  ],
  [/\b(kidnapp?(?:ed|ing)?|abduct(?:ed|ion)?|hostages?)\b/i, 'kidnapping'],
  [/\b(rockets?|mortars?|shelling)\b/i, 'rocket-mortar'],
  [
    /\b(IEDs?|improvised explosive|roadside bomb|landmine|remote[- ]controlled|bomb(?:ing|s)?|blasts?|explosions?|explosives?|grenade)\b/i,
    'ied',
  ],
  [/\b(targeted killing|target killing|shot dead|gunned down|assassinat(?:ed|ion))\b/i, 'targeted-killing'],
  [
    /\b(operations?|raids?|intelligence-based|IBO|clearance|crackdown|encounter|security forces (?:also )?killed|troops (?:also )?killed)\b/i,
    'security-operation',
  ],
  [
    /\b(attacks?|attacked|assaults?|stormed|ambush(?:ed)?|gunmen|militants (?:opened fire|struck)|firing|clash(?:es)?|violence)\b/i,
    'armed-assault',
  ],
];

function typeOf(sentence: string): { type: IncidentType; initiator: Initiator; suicide: boolean } | undefined {
  const suicide = /\bsuicide\b/i.test(sentence);
  // Security forces as the subject of killing, or an operation: their action, even when it followed attacks.
  if (
    /\b(security forces|troops|soldiers|police|army|forces)\b[^.]{0,40}\b(killed|neutrali[sz]ed|eliminated|gunned down)\b/i.test(
      sentence,
    ) ||
    /\b(operation|raid|intelligence-based)\b/i.test(sentence)
  ) {
    if (!suicide)
      return {
        type: /\b(drone|unmanned|UAV|quadcopter|air ?strike)/i.test(sentence) ? 'drone-strike' : 'security-operation',
        initiator: 'security-forces',
        suicide: false,
      };
  }
  for (const [re, type] of TYPE_RULES) {
    if (re.test(sentence)) {
      const initiator: Initiator = type === 'security-operation' || type === 'drone-strike' ? 'security-forces' : 'militant';
      return { type, initiator, suicide };
    }
  }
  return undefined;
}

const OWN_CLAIM =
  /\b(ISPR|Inter-Services Public Relations|media wing|military said|army said|military's statement|the military claimed|claimed responsibility|the group said|the group claimed|group said|group claimed|spokesman for the (?:group|Taliban|TTP)|in a statement claiming)\b/i;
const STAT_WORDS =
  /\b(according to (?:the )?(?:statistics|data|figures|report|a report|an? (?:annual|monthly) report)|statistics|data (?:compiled|released|issued)|report (?:released|issued|compiled) by|(?:think[- ]tank|institute|monitoring group)\b[^.]*\b(?:said|reported|recorded|compiled)|a total of|during the (?:month|year)|in total)\b/i;
const SPECIFIC_ATTACK = /\b(bomber|blew|blast|explosion|bombing at|stormed|ambushed|when|mosque|checkpost|convoy|market|operation|raid)\b/i;
const CHANGE =
  /\b(rising|rose|rise|increase[sd]?|increasing|up|jump(?:ed|ing)?|surg(?:ed|ing)|soar(?:ed|ing)|fell|falling|fall|decrease[sd]?|decreasing|declin(?:ed|ing)|drop(?:ped|ping)?|down)\s+(?:by\s+)?(?:nearly\s+|about\s+|some\s+|over\s+)?(\d+(?:\.\d+)?)\s*(?:percent|per cent|%)/i;

/** "a 25 percent increase over December": the change named after its figure. */
const CHANGE_NOUN = /\b(\d+(?:\.\d+)?)\s*(?:percent|per cent|%)\s+(increase|rise|jump|surge|hike|decrease|decline|drop|fall|reduction)\b/i;

/** "DERA ISMAIL KHAN" → "Dera Ismail Khan": datelines are capitals, the gazetteer is not. */
const titleCase = (s: string) => s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());

/** A claim of responsibility the sentence denies or says nobody made ("No group claimed", "yet to claim", "denied"). */
const NO_CLAIM =
  /\b(?:no (?:group|one|organi[sz]ation|militant)|nobody|not|yet to|denied|deny|denies)\b[^.]{0,30}\b(?:claim|claimed|responsibility|involvement)\b/i;
const claims = (s: string) => /\bclaimed\b/i.test(s) && !NO_CLAIM.test(s);

/** The attackers killed in the fight an attack turned into: figures of that attack, not a separate operation. */
const RETURN_FIRE = /\b(exchange of fire|retaliat\w*|responded|return(?:ed|ing)? fire|gunfight|ensuing|counter-?attack|repulsed|foiled)\b/i;

/** Who compiled a statistic: "according to (statistics from) the Islamabad-based Pakistan Institute for …". */
export function statisticSource(sentence: string): string | undefined {
  const m =
    /\b[Aa]ccording to\s+(?:(?:the\s+)?(?:latest\s+)?(?:statistics|data|figures|a report|the report|a study|an? (?:annual|monthly) report)\s+(?:from|by|of|released by|compiled by|issued by)\s+)?(?:the\s+)?(?:[A-Z][\w]*-based\s+)?((?:[A-Z][\w’'&-]*)(?:\s+(?:(?:for|of|and|on|the|&)\s+)*[A-Z][\w’'&-]*)*)(?:\s*\(([A-Z]{2,10})\))?/.exec(
      sentence,
    ) ??
    /\b(?:data|statistics|figures|report)\s+(?:compiled|released|issued|published)\s+by\s+(?:the\s+)?(?:[A-Z][\w]*-based\s+)?((?:[A-Z][\w’'&-]*)(?:\s+(?:(?:for|of|and|on|the|&)\s+)*[A-Z][\w’'&-]*)*)(?:\s*\(([A-Z]{2,10})\))?/.exec(
      sentence,
    );
  if (!m) return undefined;
  const name = (m[1] ?? '').trim();
  if (!name || /^(Pakistan|Police|Officials?|Sources?|Witnesses|He|She|They)$/.test(name)) return undefined;
  return name;
}

function placesIn(sentence: string, options: ExtractOptions): { text: string; place: IncidentPlace }[] {
  // Group names hold place names ("Balochistan Liberation Army"): mask them first.
  let masked = sentence;
  for (const g of options.groups.find(sentence))
    masked = masked.slice(0, g.index) + ' '.repeat(g.text.length) + masked.slice(g.index + g.text.length);
  return options.places.find(masked).map((p) => ({ text: p.text, place: p.place }));
}

function bestPlace(found: readonly { place: IncidentPlace }[]): IncidentPlace | undefined {
  return found.find((f) => f.place.precision === 'district')?.place ?? found[0]?.place;
}

function firstResolved(times: readonly TimeMention[]): TimeMention | undefined {
  return times.find((t) => t.resolved && t.kind !== 'year');
}

/**
 * Extracts one report. Relative dates resolve against the date the report states, else against
 * `options.referenceDate`; with neither they stay unresolved (weekdays are still kept for event matching).
 */
export function extractReport(raw: string, options: ExtractOptions): ReportExtraction {
  const clean = cleanArticle(raw);
  const ref = clean.publishedAt ?? options.referenceDate;
  const paragraphs = clean.paragraphs.filter((p) => /[.!?"”]$/.test(p) || p.length > 80);
  const text = paragraphs.join('\n');
  const sentences: string[] = [];
  const paraOf: number[] = [];
  paragraphs.forEach((p, k) => {
    for (const s of splitSentences(p)) {
      sentences.push(s);
      paraOf.push(k);
    }
  });

  // The lead's event: a time expression in the first two sentences, else the report's own date.
  let eventDate: IncidentDate | undefined;
  let eventWeekday: number | undefined;
  for (const s of sentences.slice(0, 2)) {
    const t = findTimeMentions(s, ref).find((x) => x.kind === 'day');
    if (t) {
      if (t.weekday !== undefined) eventWeekday = t.weekday;
      if (t.resolved) eventDate = t.resolved;
      break;
    }
  }
  if (!eventDate && ref && eventWeekday === undefined) eventDate = { date: ref, precision: 'day' };
  if (eventDate && eventWeekday === undefined && eventDate.precision === 'day') eventWeekday = weekdayOf(eventDate.date);

  const allPlaces: { text: string; place: IncidentPlace }[] = [];
  const figures: (CasualtyFigure & { sentence: number })[] = [];
  const incidents: IncidentMention[] = [];
  const stats: (StatisticMention & { para: number })[] = [];
  let contextPeriod: IncidentDate | undefined;
  let contextAt = -10;
  let contextSource: { name: string; at: number } | undefined;
  // The dateline ("PESHAWAR:") places an incident whose sentence names no place.
  const datelinePlace = clean.dateline ? bestPlace(placesIn(titleCase(clean.dateline), options)) : undefined;
  let prevPlaces: { text: string; place: IncidentPlace }[] = [];
  let prevIncidentDate: { date: IncidentDate; text: string } | undefined;
  let lastSentence = -10;

  sentences.forEach((s, k) => {
    const places = placesIn(s, options);
    allPlaces.push(...places);
    const times = findTimeMentions(s, ref);
    const monthly = times.find((t) => (t.kind === 'month' || t.kind === 'year') && t.resolved);
    const figs = findCasualtyFigures(s);
    for (const f of figs) figures.push({ ...f, sentence: k });
    const changeVerb = CHANGE.exec(s);
    const changeNoun = changeVerb ? null : CHANGE_NOUN.exec(s);
    // One shape for both: [whole, direction word, percent].
    const change: RegExpExecArray | null =
      changeVerb ??
      (changeNoun
        ? (Object.assign([changeNoun[0], changeNoun[2], changeNoun[1]], {
            index: changeNoun.index,
            input: s,
          }) as unknown as RegExpExecArray)
        : null);
    const sourceHere = statisticSource(s);
    const isStat =
      (figs.length > 0 || change !== null) &&
      (STAT_WORDS.test(s) ||
        (change !== null && !SPECIFIC_ATTACK.test(s)) ||
        (monthly !== undefined &&
          !SPECIFIC_ATTACK.test(s) &&
          /\b(total|were killed|people were killed)\b/i.test(s) &&
          figs.some((f) => f.partOf !== undefined)));
    if (isStat) {
      const during = times.find((t) => /\b(during|in|over|throughout) the (month|year)\b/i.test(t.text));
      // The month after a change is what it is compared with ("up 25 percent over December"), not the period.
      // A mention's text may hold its preposition ("over December", "to December" after "compared").
      const comparison = (t: TimeMention) => {
        const before = s.slice(Math.max(0, t.index - 20), t.index);
        return (
          /^(?:over|from|than|versus|vs)\b/i.test(t.text) ||
          (/^(?:to|with)\b/i.test(t.text) && /\bcompared\s+$/i.test(before)) ||
          /\b(?:compared (?:to|with)|over|from|than|versus|vs\.?|on)\s+$/i.test(before)
        );
      };
      const own = times.find((t) => (t.kind === 'month' || t.kind === 'year') && t.resolved && !(change && comparison(t)));
      let period = own?.resolved;
      // "The think tank said 128 people lost their lives in those attacks": the period and the compiler
      // are those of the sentence before.
      const recent = k - contextAt <= 2;
      if (!period && contextPeriod && (during || recent)) period = contextPeriod;
      const periodText = (monthly ?? during)?.text;
      let comparedTo: IncidentDate | undefined;
      if (change) {
        // "in January, with deaths rising 43 percent compared to December last year / the previous month".
        const at = (change.index ?? 0) + change[0].length;
        const head = findTimeMentions(s.slice(0, at), ref).find((t) => t.resolved && t.kind === 'month');
        if (head?.resolved) period = head.resolved;
        const tail = s.slice(at);
        const named = findTimeMentions(tail, ref).find(
          (t) => t.resolved && t.kind === 'month' && !/^(last|this|previous|past|next)\b/i.test(t.text),
        );
        if (named?.resolved) comparedTo = named.resolved;
        else if (period && /\b(previous|preceding|last|prior) month\b|\bmonth before\b/i.test(tail)) {
          comparedTo = findTimeMentions('last month', addDays(period.date, 1)).find((t) => t.resolved)?.resolved;
        } else if (period && /\b(previous|preceding|last|prior) year\b|\byear before\b/i.test(tail)) {
          comparedTo = { date: iso(Number(period.date.slice(0, 4)) - 1, Number(period.date.slice(5, 7)), 1), precision: period.precision };
        } else {
          comparedTo = findTimeMentions(tail, ref).find((t) => t.resolved)?.resolved;
        }
      }
      if (period) {
        contextPeriod = period;
        contextAt = k;
      }
      stats.push({
        ...(period ? { period } : {}),
        ...(periodText ? { periodText } : {}),
        measure:
          figs.some((f) => f.outcome === 'killed') || /deaths|killed|fatalit/i.test(s) ? 'killed' : figs.length > 0 ? 'injured' : 'attacks',
        figures: figs,
        ...(change
          ? {
              change: {
                percent: Number(change[2]),
                direction: /fell|fall|decreas|declin|drop|down/i.test(change[1] ?? '') ? ('down' as const) : ('up' as const),
                ...(comparedTo ? { comparedTo } : {}),
                text: change[0],
              },
            }
          : {}),
        ...(sourceHere ? { source: sourceHere } : contextSource && k - contextSource.at <= 2 ? { source: contextSource.name } : {}),
        sentences: [s],
        para: paraOf[k] ?? 0,
      });
      prevPlaces = places.length > 0 ? places : prevPlaces;
      return;
    }
    if (monthly?.resolved) {
      contextPeriod = monthly.resolved;
      contextAt = k;
    }
    if (sourceHere) contextSource = { name: sourceHere, at: k };
    const kind = typeOf(s);
    const last = incidents[incidents.length - 1];
    const lastIndex = incidents.length - 1;
    const groupsHere0 = options.groups.find(s);
    // A claim of responsibility for the incident just described ("The attack was claimed by the TTP").
    if (last && groupsHere0[0] && figs.length === 0 && last.initiator === 'militant' && k - lastSentence <= 3) {
      const claimed = /\b(claimed|responsibility)\b/i.test(s) && !NO_CLAIM.test(s);
      const attributed = /\b(blamed|suspected|attributed|linked to|belonging to|affiliated|carried out by)\b/i.test(s);
      if (claimed || attributed) {
        incidents[lastIndex] = { ...last, perpetrator: { status: claimed ? 'claimed' : 'attributed', group: groupsHere0[0].group.id } };
        prevPlaces = places.length > 0 ? places : prevPlaces;
        return;
      }
    }
    // More figures of the incident just described ("Eight attackers were killed in the exchange of fire").
    if (
      last &&
      figs.length > 0 &&
      (kind === undefined ||
        (kind.type === last.type && places.length === 0) ||
        (last.initiator === 'militant' && kind.initiator === 'security-forces' && RETURN_FIRE.test(s) && places.length === 0)) &&
      k - lastSentence <= 2 &&
      firstResolved(times) === undefined
    ) {
      incidents[lastIndex] = {
        ...last,
        figures: [...last.figures, ...figs.filter(keepForIncident).map((f) => ({ ...f, ownClaim: OWN_CLAIM.test(s) }))],
        ownClaim: last.ownClaim || OWN_CLAIM.test(s),
      };
      lastSentence = k;
      prevPlaces = places.length > 0 ? places : prevPlaces;
      return;
    }
    const resolved = firstResolved(times.filter((t) => t.kind === 'day' || t.kind === 'week' || t.kind === 'month'));
    const hasFigures = figs.length > 0;
    const mentionsAttack =
      kind !== undefined && resolved !== undefined && (resolved.resolved?.precision === 'day' || resolved.resolved?.precision === 'week');
    if (kind && (hasFigures || mentionsAttack) && !/\b(condemn|condolence)/i.test(s)) {
      const anaphora = /\b(the province|the district|the area|the region|the same|there|subsequently|also|later|then|after)\b/i.test(s);
      const samePara = k > 0 && paraOf[k - 1] === paraOf[k];
      const place =
        bestPlace(places) ??
        (anaphora || samePara ? bestPlace(prevPlaces) : undefined) ??
        (incidents.length === 0 ? datelinePlace : undefined);
      let date = resolved?.resolved;
      let dateText = resolved?.text;
      if (!date && prevIncidentDate && (anaphora || samePara)) {
        date = prevIncidentDate.date;
        dateText = prevIncidentDate.text;
      }
      const groupsHere = options.groups.find(s);
      const claimedBy = claims(s);
      const attributed = /\b(blamed|suspected|attributed|linked to|belonging to|affiliated|carried out by)\b/i.test(s);
      const priorAttack =
        incidents.length > 0 && /\bafter\b[^.]*\b(attacks?|assaults?|bombings?)\b/i.test(s) ? incidents.length - 1 : undefined;
      const group = groupsHere[0]?.group.id;
      // "after attacks claimed by G": G claimed the earlier attacks, not this operation.
      if (group && claimedBy && priorAttack !== undefined && kind.initiator === 'security-forces') {
        const prior = incidents[priorAttack] as IncidentMention;
        incidents[priorAttack] = { ...prior, perpetrator: { status: 'claimed', group } };
      }
      incidents.push({
        sentence: s,
        ...kind,
        ...(date ? { date } : {}),
        ...(dateText ? { dateText } : {}),
        ...(place ? { place } : {}),
        ...(group && kind.initiator === 'militant' && (claimedBy || attributed)
          ? { perpetrator: { status: claimedBy ? 'claimed' : 'attributed', group } }
          : {}),
        figures: figs.filter(keepForIncident).map((f) => ({ ...f, ownClaim: OWN_CLAIM.test(s) })),
        ownClaim: OWN_CLAIM.test(s),
        ...(priorAttack !== undefined ? { follows: priorAttack } : {}),
      });
      if (date && dateText) prevIncidentDate = { date, text: dateText };
      lastSentence = k;
    }
    prevPlaces = places.length > 0 ? places : prevPlaces;
  });

  // Statistics of one report: sentences about one period (or next to each other) are one statistic.
  const merged: (StatisticMention & { para: number })[] = [];
  let last: (StatisticMention & { para: number }) | undefined;
  for (const st of stats) {
    if (
      last &&
      (st.period === undefined || last.period === undefined || st.period.date === last.period.date) &&
      Math.abs(st.para - last.para) <= 1
    ) {
      const period = last.period ?? st.period;
      const change = last.change ?? st.change;
      const source = last.source ?? st.source;
      last = {
        ...(period ? { period } : {}),
        ...((last.periodText ?? st.periodText) ? { periodText: (last.periodText ?? st.periodText) as string } : {}),
        measure: last.measure === 'attacks' ? st.measure : last.measure,
        figures: [...last.figures, ...st.figures],
        ...(change ? { change } : {}),
        ...(source ? { source } : {}),
        sentences: [...last.sentences, ...st.sentences],
        para: st.para,
      };
      merged[merged.length - 1] = last;
    } else {
      last = st;
      merged.push(st);
    }
  }

  const names = findNames(text, (t) => options.places.find(t).length > 0);
  const groups = [...new Set(options.groups.find(text).map((g) => g.group.id))];
  return {
    ...(clean.title ? { title: clean.title } : {}),
    ...(clean.outlet ? { outlet: clean.outlet } : {}),
    ...(clean.byline ? { byline: clean.byline } : {}),
    ...(clean.dateline ? { dateline: clean.dateline } : {}),
    ...(clean.publishedAt ? { publishedAt: clean.publishedAt } : {}),
    ...(ref ? { referenceDate: ref } : {}),
    text,
    sentences,
    ...(eventDate ? { eventDate } : {}),
    ...(eventWeekday !== undefined ? { eventWeekday } : {}),
    places: allPlaces,
    people: names.people,
    organisations: names.organisations,
    groups,
    figures,
    incidents,
    statistics: merged.map(({ para: _p, ...s }) => s),
  };
}

/** A figure an incident keeps: not a part of another figure, unless a named category of a total ("13 people, including four children"). */
function keepForIncident(f: CasualtyFigure, _k: number, figs: readonly CasualtyFigure[]): boolean {
  return f.partOf === undefined || (figs[f.partOf]?.category === 'total' && f.category !== 'total');
}

/** The first day of the week before `date` (for undated incident mentions: "recently"). */
export function weekBefore(date: string): IncidentDate {
  const d = addDays(date, -7);
  return { date: addDays(d, -((weekdayOf(d) + 6) % 7)), precision: 'week' };
}

export const monthStart = (date: string) => iso(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 1);

/** Casualty figures in a sentence: "At least 31 people were killed and 169 others injured", "killed 216 suspected militants". */

import type { CasualtyCategory, Outcome, Qualifier } from '../incidents/incident.js';

export interface CasualtyFigure {
  readonly outcome: Outcome;
  readonly category: CasualtyCategory | 'total';
  readonly value: number;
  readonly qualifier: Qualifier;
  /** The words of the figure ("at least 31 people"). */
  readonly text: string;
  readonly index: number;
  /** Index (in the returned list) of the total this figure breaks down ("including 242 militants"). */
  readonly partOf?: number;
}

const UNITS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};

const NUM_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine))?|a\\s+dozen|a\\s+hundred';
const QUAL =
  '(?:at\\s+least|not\\s+less\\s+than|no\\s+fewer\\s+than|a\\s+minimum\\s+of|more\\s+than|over|upwards\\s+of|nearly|almost|close\\s+to|up\\s+to|as\\s+many\\s+as|about|around|approximately|roughly|some|an\\s+estimated|a\\s+total\\s+of|exactly|only)';
const VAGUE = '(?:dozens|scores|hundreds|several|many)';
const ADJ =
  '(?:(?:other|others|more|suspected|alleged|innocent|unarmed|armed|heavily\\s+armed|foreign|local|afghan|pakistani|hardcore|wanted|high-profile|fellow|off-duty|on-duty|security|army|police|paramilitary|law\\s+enforcement|frontier\\s+corps|levies|fc|military|civilian|unidentified|unknown|young|female|male|christian|shia|sunni|hazara|chinese|[A-Z][a-z]+-based)\\s+)*';
const NOUN =
  '(?:people|persons|person|individuals|others|lives|victims|bodies|militants?|terrorists?|insurgents?|fighters?|commanders?|attackers?|gunmen|gunman|assailants?|khawarij|kharijis?|rebels?|bombers?|civilians?|worshippers?|worshipers?|passengers?|children|child|women|men|students?|pilgrims?|labou?rers?|workers?|villagers?|bystanders?|residents?|tourists?|engineers?|nationals?|soldiers?|troops?|troopers?|personnel|officials?|officers?|policem[ae]n|policewom[ae]n|cops?|jawans?|servicem[ae]n|sepoys?|guards?|commandos?|constables?|paramilitaries|levies|members)';

const FIGURE = new RegExp(
  `\\b(?:(${QUAL})\\s+)?(\\d{1,3}(?:,\\d{3})+|\\d+|${NUM_WORD}|${VAGUE})\\b(?!\\s*(?:%|percent|per\\s+cent|-|–))\\s*(?:of\\s+(?:its|their|his|our)\\s+)?(${ADJ})(${NOUN})?\\b`,
  'gi',
);

const KILL =
  /^(?:killed|dead|died|deaths?|martyred|martyrdom|lost\s+their\s+lives|perished|slain|killing|kill|gunned\s+down|shot\s+dead|massacred|eliminated|neutralised|neutralized|fatalities|lives)$/i;
const HURT = /^(?:injured|wounded|hurt|injuries|injuring|wounding|critically|seriously)$/i;

function outcomeWord(w: string): Outcome | undefined {
  if (KILL.test(w)) return 'killed';
  if (HURT.test(w)) return 'injured';
  return undefined;
}

function numberValue(text: string): { value: number; qualifier?: Qualifier } | undefined {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d/.test(t)) return { value: Number(t.replace(/,/g, '')) };
  if (t === 'dozens') return { value: 24, qualifier: 'dozens' };
  if (t === 'scores') return { value: 40, qualifier: 'scores' };
  if (t === 'hundreds') return { value: 200, qualifier: 'hundreds' };
  if (t === 'several') return { value: 3, qualifier: 'several' };
  if (t === 'many') return undefined;
  let v = 0;
  for (const part of t.split(/[-\s]/)) {
    const u = UNITS[part];
    if (u === undefined) return undefined;
    v = part === 'dozen' || part === 'hundred' ? Math.max(v, 1) * u : v + u;
  }
  return { value: v };
}

function qualifierOf(words: string | undefined): Qualifier {
  const w = (words ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (/^(at least|not less than|no fewer than|a minimum of)$/.test(w)) return 'at-least';
  if (/^(more than|over|upwards of)$/.test(w)) return 'more-than';
  if (/^(nearly|almost|close to)$/.test(w)) return 'nearly';
  if (/^(up to|as many as)$/.test(w)) return 'up-to';
  if (/^(about|around|approximately|roughly|some|an estimated)$/.test(w)) return 'about';
  return 'exact';
}

export function categoryOf(adj: string, noun: string | undefined): CasualtyCategory | 'total' {
  const a = adj.toLowerCase();
  const n = (noun ?? '').toLowerCase();
  if (
    /^(militants?|terrorists?|insurgents?|fighters?|commanders?|attackers?|gunm[ae]n|assailants?|khawarij|kharijis?|rebels?|bombers?)$/.test(
      n,
    )
  )
    return 'militant';
  if (/\b(security|army|police|paramilitary|law enforcement|frontier corps|levies|fc|military)\b/.test(a)) return 'security';
  if (
    /^(soldiers?|troops?|troopers?|policem[ae]n|policewom[ae]n|cops?|jawans?|servicem[ae]n|sepoys?|commandos?|constables?|paramilitaries|levies)$/.test(
      n,
    )
  )
    return 'security';
  if (/^(personnel|officials?|officers?|guards?)$/.test(n)) return /\b(civilian)\b/.test(a) ? 'civilian' : 'security';
  if (
    /^(civilians?|worshippers?|worshipers?|passengers?|children|child|women|students?|pilgrims?|labou?rers?|workers?|villagers?|bystanders?|residents?|tourists?|engineers?|nationals?)$/.test(
      n,
    )
  )
    return 'civilian';
  if (/\b(civilian|innocent|unarmed)\b/.test(a)) return 'civilian';
  if (/\b(suspected|alleged|hardcore|wanted|armed)\b/.test(a) && /^(men|members|people|persons|individuals)$/.test(n)) return 'militant';
  return 'total';
}

/** Words of a stretch of text (letters only). */
const words = (s: string) => s.toLowerCase().match(/[a-z]+/g) ?? [];

/**
 * Every casualty figure of one sentence. A figure needs an outcome: a passive one after it ("were
 * killed", "left dozens dead"), an active one just before it ("killed 216 suspected militants"),
 * one it shares with a coordinated figure ("36 civilians and 22 personnel were killed") or the
 * total it breaks down ("including 242 militants"). Percentages, years, money and durations are no figures.
 */
export function findCasualtyFigures(sentence: string): CasualtyFigure[] {
  interface Raw {
    index: number;
    end: number;
    text: string;
    value: number;
    qualifier: Qualifier;
    adj: string;
    noun: string | undefined;
    outcome?: Outcome | undefined;
    partOf?: number;
  }
  const raws: Raw[] = [];
  for (const m of sentence.matchAll(FIGURE)) {
    const numText = m[2] ?? '';
    const nv = numberValue(numText);
    if (!nv) continue;
    const index = m.index ?? 0;
    const before = sentence.slice(Math.max(0, index - 12), index);
    const after = sentence.slice(index + m[0].length, index + m[0].length + 12);
    const adj = m[3] ?? '';
    const noun = m[4];
    // Money, dates, years, durations, ordinals and times are not casualty counts.
    if (/[$£€]\s*$|\bRs\.?\s*$|\bPKR\s*$/i.test(before)) continue;
    if (
      /^\s*(billion|million|thousand|crore|lakh|years?|months?|weeks?|days?|hours?|minutes?|km|kilomet|miles?|kg|per|times|am|pm|a\.m|p\.m|o'clock|st|nd|rd|th|rupees|dollars|feet|metres|meters|percent|%)/i.test(
        after,
      ) &&
      !noun
    )
      continue;
    if (/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(after.trim()) && /^\d/.test(numText)) continue;
    if (
      /\b(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$/i.test(
        before,
      ) &&
      /^\d/.test(numText)
    )
      continue;
    // "five of the injured succumbed": a change in a toll, not a count of its own.
    if (/^\s*of\s+(?:the|those)\s+(?:injured|wounded)\b/i.test(sentence.slice(index + m[0].length, index + m[0].length + 24))) continue;
    if (/^\d{4}$/.test(numText) && Number(numText) >= 1900 && Number(numText) <= 2100 && !noun) continue;
    if (/\b(?:the|a|an)\s*$/i.test(before) && !m[1] && /^\d/.test(numText) && !noun) continue;
    // "a" and "an" count only as "a dozen" / "a hundred"; "some" alone is a qualifier word.
    raws.push({
      index,
      end: index + m[0].length,
      text: m[0].trim(),
      value: nv.value,
      // "two of its commanders": some of a group's dead, so at least that many.
      qualifier: nv.qualifier ?? (/\bof\s+(?:its|their|his|our)\s/i.test(m[0]) ? 'at-least' : qualifierOf(m[1])),
      adj,
      noun,
    });
  }
  raws.forEach((r, k) => {
    // "95 lives", "40 bodies": the noun says the outcome.
    if (/^(lives|bodies|victims)$/i.test(r.noun ?? '')) {
      r.outcome = 'killed';
      return;
    }
    const before = sentence.slice(Math.max(0, r.index - 120), r.index);
    // "the death toll (from Sunday's bombing at a market in Peshawar) climbed to 40".
    if (
      /\b(?:death toll|toll)\b[^.;]{0,80}?\b(?:rose|risen|climbed|reached|jumped|increased|stood|stands|is|was|at|to)\s*(?:at|to)?\s*$/i.test(
        before,
      )
    ) {
      r.outcome = 'killed';
      return;
    }
    // People abducted, arrested or rescued are not casualties, whatever comes later in the sentence.
    if (/\b(?:abducted|kidnapped|arrested|detained|rescued|freed|released|evacuated|displaced|apprehended|held)\s*$/i.test(before)) return;
    // Active voice first: "killed 216 …", "shot dead four policemen", "death toll rose to 40".
    const pre = words(sentence.slice(Math.max(0, r.index - 40), r.index)).slice(-4);
    for (let j = pre.length - 1; j >= 0; j--) {
      const w = pre[j] as string;
      const o = outcomeWord(w) ?? (/^(toll|martyring)$/.test(w) ? 'killed' : undefined);
      if (o) {
        r.outcome = o;
        break;
      }
      if (
        !/^(also|had|have|has|reportedly|allegedly|rose|climbed|reached|risen|stood|at|to|is|was|the|an|estimated|least|more|than|nearly|over|about|around|some|up|as|many)$/.test(
          w,
        )
      )
        break;
    }
    if (r.outcome) return;
    // Passive: the first outcome word after the figure, before the next figure and within 10 words.
    const stop = raws[k + 1]?.index ?? sentence.length;
    for (const w of words(sentence.slice(r.end, stop)).slice(0, 10)) {
      const o = outcomeWord(w);
      if (o) {
        r.outcome = o;
        break;
      }
      if (/^(when|after|as|because|while|since|who|which)$/.test(w)) break;
    }
  });
  // A total whose breakdown comes first: "13 people, including four children, were killed".
  raws.forEach((r, k) => {
    if (r.outcome) return;
    const gap = sentence.slice(r.end, raws[k + 1]?.index ?? r.end).toLowerCase();
    if (!/\b(including|among them|of whom)\b/.test(gap)) return;
    let j = k + 1;
    while (j + 1 < raws.length && /^[\s,]*(and\s+)?$/i.test(sentence.slice((raws[j] as Raw).end, (raws[j + 1] as Raw).index))) j++;
    for (const w of words(sentence.slice((raws[j] as Raw).end)).slice(0, 6)) {
      const o = outcomeWord(w);
      if (o) {
        r.outcome = o;
        break;
      }
    }
  });
  // Breakdowns: "including 242 militants, 73 civilians and 46 personnel" belong to the figure before.
  let head: number | undefined;
  let inList = false;
  raws.forEach((r, k) => {
    const prev = raws[k - 1];
    const gap = prev ? sentence.slice(prev.end, r.index).toLowerCase() : '';
    // "Over 100 people were injured, 30 of them critically": a part of the figure before.
    if (prev?.outcome && /^\s*of (them|whom|those)\b/i.test(sentence.slice(r.end, r.end + 12))) {
      r.partOf = prev.partOf ?? k - 1;
      r.outcome = prev.outcome;
      inList = false;
      return;
    }
    if (
      prev &&
      /\b(including|among them|among whom|of whom|of them|comprising|among the (?:dead|killed|injured|wounded)(?: were)?)\b/.test(gap) &&
      prev.outcome
    ) {
      head = prev.partOf ?? k - 1;
      inList = true;
      r.partOf = head;
      r.outcome ??= raws[head]?.outcome;
    } else if (inList && head !== undefined && /^[\s,]*(and\s+|as\s+well\s+as\s+)?$/.test(gap)) {
      r.partOf = head;
      r.outcome ??= raws[head]?.outcome;
    } else inList = false;
  });
  // Coordination: "36 civilians and 22 law enforcement personnel were killed" share the later outcome.
  for (let k = raws.length - 2; k >= 0; k--) {
    const r = raws[k] as Raw;
    const next = raws[k + 1] as Raw;
    if (r.outcome || !next.outcome) continue;
    const gap = sentence.slice(r.end, next.index);
    if (/^[\s,]*(and|as well as|,)?[\s,]*$/i.test(gap)) r.outcome = next.outcome;
  }
  const kept = raws.filter((r) => r.outcome);
  return kept.map((r) => {
    const category = categoryOf(r.adj, r.noun);
    const partOf = r.partOf !== undefined ? kept.indexOf(raws[r.partOf] as Raw) : -1;
    return {
      outcome: r.outcome as Outcome,
      category,
      value: r.value,
      qualifier: r.qualifier,
      text: r.text,
      index: r.index,
      ...(partOf >= 0 ? { partOf } : {}),
    };
  });
}

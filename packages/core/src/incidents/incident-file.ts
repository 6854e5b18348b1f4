/** Parsers of incident files: the pakistanbodycount.org suicide and drone datasets, and Argus's own CSV / JSON format. */

import { readCsvObjects } from '../text/csv.js';
import { assembleIncident, shortHash } from './assemble-incident.js';
import type { GroupIndex } from './groups.js';
import type { Claim, Incident, IncidentPlace, IncidentType, Initiator, Outcome, Qualifier } from './incident.js';
import { INCIDENT_TYPES, QUALIFIERS } from './incident.js';
import type { PlaceIndex } from './gazetteer.js';

export const INCIDENT_FORMATS = ['pbc-suicide', 'pbc-drone', 'argus-csv', 'argus-json'] as const;
export type IncidentFormat = (typeof INCIDENT_FORMATS)[number];

export function isIncidentFormat(x: string): x is IncidentFormat {
  return (INCIDENT_FORMATS as readonly string[]).includes(x);
}

export interface FigureSums {
  killedLow: number;
  killedHigh: number;
  injuredLow: number;
  injuredHigh: number;
}

/** Per numeric column: the totals row's value, or the sum of the rows' cells as written. */
export type ColumnSums = Record<string, number>;

/** The columns a dataset's totals row sums. */
const TOTAL_COLUMNS: Record<string, readonly string[]> = {
  'pbc-suicide': ['Killed Min', 'Killed Max', 'Injured Min', 'Injured Max', 'No. of Suicide Blasts'],
  'pbc-drone': [
    'No of Strike',
    'Al-Qaeda',
    'Taliban',
    'Civilians Min',
    'Civilians Max',
    'Foreigners Min',
    'Foreigners Max',
    'Total Died Min',
    'Total Died Mix',
    'Injured Min',
    'Injured Max',
  ],
};

export type IncidentFileEvent =
  | { readonly type: 'incident'; readonly incident: Incident; readonly line: number }
  | { readonly type: 'warning'; readonly line: number; readonly field?: string; readonly message: string; readonly skipped: boolean }
  /** The file's own totals row, and the sums of the same columns over the rows read. */
  | { readonly type: 'totals'; readonly line: number; readonly declared: ColumnSums; readonly summed: ColumnSums };

export interface IncidentFileOptions {
  readonly file: string;
  readonly places: PlaceIndex;
  readonly groups: GroupIndex;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const OUTLET = 'pakistanbodycount.org';

/** "Sunday-November 19-1995", "Friday, June 18, 2004", "2004-06-18", "18/06/2004" → ISO date, or undefined. */
export function parseDatasetDate(text: string): string | undefined {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = /([A-Za-z]+)[\s-]+(\d{1,2})(?:st|nd|rd|th)?[\s,-]+(\d{4})\s*$/.exec(t);
  if (m) {
    const month = monthIndex(m[1] ?? '');
    if (month) return valid(Number(m[3]), month, Number(m[2]));
  }
  const dmy = /^(\d{1,2})[\s/.-]+([A-Za-z]+|\d{1,2})[\s/.-]+(\d{4})$/.exec(t);
  if (dmy) {
    const month = /^\d+$/.test(dmy[2] ?? '') ? Number(dmy[2]) : monthIndex(dmy[2] ?? '');
    if (month) return valid(Number(dmy[3]), month, Number(dmy[1]));
  }
  return undefined;
}

function monthIndex(name: string): number | undefined {
  const k = name.toLowerCase();
  if (k.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(k.slice(0, 3)) && (k.length <= m.length ? m.startsWith(k) || k.length === 3 : false));
  return i >= 0 ? i + 1 : undefined;
}

function valid(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

type Warn = (field: string, message: string) => void;

/** A non-negative integer cell; blank is undefined; anything else warns. */
function count(row: Record<string, string>, field: string, warn: Warn): number | undefined {
  const raw = (row[field] ?? '').trim();
  if (raw === '' || /^(n\/?a|-|none|unknown)$/i.test(raw)) return undefined;
  const n = Number(raw.replace(/,/g, ''));
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) {
    warn(field, `"${raw}" is not a count; the cell is ignored`);
    return undefined;
  }
  return n;
}

interface Range {
  readonly low?: number;
  readonly high?: number;
}

function range(row: Record<string, string>, minField: string, maxField: string, warn: Warn): Range {
  let low = count(row, minField, warn);
  let high = count(row, maxField, warn);
  if (low !== undefined && high !== undefined && low > high) {
    warn(`${minField}/${maxField}`, `minimum ${low} exceeds maximum ${high}; swapped`);
    [low, high] = [high, low];
  }
  return { ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}) };
}

/** A dataset's min / max as claims: the minimum as "at least", the maximum as the exact count (best = high). */
function rangeClaims(base: string, outcome: Outcome, category: Claim['category'], r: Range, source: string): Claim[] {
  const out: Claim[] = [];
  const common = { outcome, category, outlet: OUTLET, source, ownClaim: false } as const;
  if (r.low !== undefined && r.low !== r.high)
    out.push({ ...common, id: `${base}/${outcome}/${category}/min`, value: r.low, qualifier: 'at-least' });
  if (r.high !== undefined) out.push({ ...common, id: `${base}/${outcome}/${category}/max`, value: r.high, qualifier: 'exact' });
  return out;
}

function placeOf(options: IncidentFileOptions, province: string, city: string, warn: Warn): IncidentPlace {
  const p = options.places.resolveIn(province, city);
  if (!p) {
    warn('Province', `unknown place "${province.trim()}" / "${city.trim()}"; kept at country level`);
    return { country: options.places.gazetteer.country, ...(city.trim() ? { locality: city.trim() } : {}), precision: 'country' };
  }
  if (p.precision === 'province' && city.trim()) warn('City', `"${city.trim()}" is not in the gazetteer; kept at province level`);
  return p;
}

const isBlankRow = (row: Record<string, string>) => Object.values(row).every((v) => v.trim() === '');

/** Reads a pakistanbodycount.org CSV (already decoded text). Bad rows become located warnings; the totals row is reported. */
export async function* parseIncidentFile(
  format: IncidentFormat,
  chunks: AsyncIterable<string>,
  options: IncidentFileOptions,
): AsyncGenerator<IncidentFileEvent> {
  if (format === 'argus-json') {
    let text = '';
    for await (const c of chunks) text += c;
    yield* parseArgusJson(text, options);
    return;
  }
  const columns = TOTAL_COLUMNS[format] ?? [];
  const summed: ColumnSums = Object.fromEntries(columns.map((c) => [c, 0]));
  const cellNumber = (v: string | undefined) => (/^\s*-?\d+\s*$/.test(v ?? '') ? Number(v) : undefined);
  for await (const { row, line } of readCsvObjects(chunks, { file: options.file })) {
    const warnings: IncidentFileEvent[] = [];
    const warn: Warn = (field, message) => warnings.push({ type: 'warning', line, field, message, skipped: false });
    if (isBlankRow(row)) continue;
    const serial = (row['S#'] ?? row.id ?? '').trim();
    if (format !== 'argus-csv' && serial === '') {
      // The totals row: no serial, no date, only sums.
      const date = (row.Date ?? '').trim();
      if (date === '') {
        const declared: ColumnSums = {};
        for (const c of columns) {
          const v = cellNumber(row[c]);
          if (v !== undefined) declared[c] = v;
        }
        yield { type: 'totals', line, declared, summed: Object.fromEntries(Object.keys(declared).map((c) => [c, summed[c] ?? 0])) };
        continue;
      }
    }
    // The totals row sums the cells as written (negative typos included): so do we, to compare like with like.
    for (const c of columns) summed[c] = (summed[c] ?? 0) + (cellNumber(row[c]) ?? 0);
    let result: Incident | undefined;
    if (format === 'pbc-suicide') result = suicideRow(row, line, serial, options, warn);
    else if (format === 'pbc-drone') result = droneRow(row, line, serial, options, warn);
    else result = argusCsvRow(row, line, options, warn);
    yield* warnings;
    if (result) yield { type: 'incident', incident: result, line };
    else yield { type: 'warning', line, message: 'row skipped: it has no usable date', field: 'Date', skipped: true };
  }
}

function suicideRow(
  row: Record<string, string>,
  line: number,
  serial: string,
  options: IncidentFileOptions,
  warn: Warn,
): Incident | undefined {
  const date = parseDatasetDate(row.Date ?? '');
  if (!date) {
    warn('Date', `"${(row.Date ?? '').trim()}" is not a date`);
    return undefined;
  }
  const k = range(row, 'Killed Min', 'Killed Max', warn);
  const i = range(row, 'Injured Min', 'Injured Max', warn);
  if (k.low === undefined && k.high === undefined) warn('Killed Max', 'no killed figure');
  const source = `${options.file}:${line}`;
  const id = `pbc-suicide-${serial || shortHash(source)}`;
  const claims = [...rangeClaims(id, 'killed', 'total', k, source), ...rangeClaims(id, 'injured', 'total', i, source)];
  const place = placeOf(options, row.Province ?? '', row.City ?? '', warn);
  const location = (row.Location ?? '').trim();
  return assembleIncident(
    {
      id,
      date: { date, precision: 'day' },
      place: location && !place.locality ? { ...place, locality: location } : place,
      type: 'suicide-bombing',
      initiator: 'militant',
      suicide: true,
      ...(location || row['Target Type'] ? { description: [location, (row['Target Type'] ?? '').trim()].filter(Boolean).join(' — ') } : {}),
      sources: [{ ref: source, outlet: OUTLET, kind: 'dataset' }],
    },
    claims,
  );
}

function droneRow(
  row: Record<string, string>,
  line: number,
  serial: string,
  options: IncidentFileOptions,
  warn: Warn,
): Incident | undefined {
  const date = parseDatasetDate(row.Date ?? '');
  if (!date) {
    warn('Date', `"${(row.Date ?? '').trim()}" is not a date`);
    return undefined;
  }
  const source = `${options.file}:${line}`;
  const id = `pbc-drone-${serial || shortHash(source)}`;
  const aq = count(row, 'Al-Qaeda', warn);
  const tb = count(row, 'Taliban', warn);
  const civ = range(row, 'Civilians Min', 'Civilians Max', warn);
  const foreign = range(row, 'Foreigners Min', 'Foreigners Max', warn);
  const total = range(row, 'Total Died Min', 'Total Died Mix', warn);
  const inj = range(row, 'Injured Min', 'Injured Max', warn);
  const claims: Claim[] = [
    ...(aq !== undefined || tb !== undefined
      ? [
          {
            id: `${id}/killed/militant`,
            outcome: 'killed' as const,
            category: 'militant' as const,
            value: (aq ?? 0) + (tb ?? 0),
            qualifier: 'exact' as const,
            outlet: OUTLET,
            source,
            ownClaim: false,
          },
        ]
      : []),
    ...rangeClaims(id, 'killed', 'civilian', civ, source),
    // Foreign nationals killed: the dataset does not say whether militants or not.
    ...rangeClaims(`${id}/foreigners`, 'killed', 'unknown', foreign, source),
    ...rangeClaims(id, 'killed', 'total', total, source),
    ...rangeClaims(id, 'injured', 'total', inj, source),
  ];
  if (total.low === undefined && total.high === undefined) warn('Total Died Mix', 'no total killed figure');
  const place = placeOf(options, row.Province ?? '', row.City ?? '', warn);
  const location = (row.Location ?? '').trim();
  const strikes = count(row, 'No of Strike', warn);
  return assembleIncident(
    {
      id,
      date: { date, precision: 'day' },
      place: location ? { ...place, locality: location } : place,
      type: 'drone-strike',
      initiator: 'security-forces',
      description: [
        strikes !== undefined ? `${strikes} strike(s)` : '',
        (row['Special Mention (Site)'] ?? '').trim(),
        (row.Comments ?? '').trim(),
      ]
        .filter(Boolean)
        .join(' — '),
      sources: [{ ref: source, outlet: OUTLET, kind: 'dataset' }, ...refs(row.References ?? '')],
    },
    claims,
  );
}

function refs(text: string): { ref: string; outlet: string; kind: 'news' }[] {
  return text
    .split(/[;\s]+/)
    .filter((u) => /^https?:\/\//.test(u))
    .map((u) => ({ ref: u, outlet: /^https?:\/\/(?:www\.)?([^/]+)/.exec(u)?.[1] ?? u, kind: 'news' as const }));
}

// ---- the Argus incident format --------------------------------------------------------------------------

const CATEGORIES = ['militant', 'civilian', 'security', 'unknown', 'total'] as const;

/** "31", "31-45" (low-high), "at least 31", ">31", "~30", "dozens" → claims of one cell. */
export function parseFigureCell(text: string): { value: number; qualifier: Qualifier }[] | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return [];
  const r = /^(\d+)\s*[-–]\s*(\d+)$/.exec(t);
  if (r) {
    const lo = Number(r[1]);
    const hi = Number(r[2]);
    if (lo > hi) return undefined;
    return lo === hi
      ? [{ value: lo, qualifier: 'exact' }]
      : [
          { value: lo, qualifier: 'at-least' },
          { value: hi, qualifier: 'exact' },
        ];
  }
  const q = /^(at least|>=|more than|over|>|nearly|almost|up to|<=|about|around|~)?\s*(\d+)$/.exec(t);
  if (q) {
    const word = q[1] ?? '';
    const qualifier: Qualifier =
      word === 'at least' || word === '>='
        ? 'at-least'
        : word === 'more than' || word === 'over' || word === '>'
          ? 'more-than'
          : word === 'nearly' || word === 'almost'
            ? 'nearly'
            : word === 'up to' || word === '<='
              ? 'up-to'
              : word
                ? 'about'
                : 'exact';
    return [{ value: Number(q[2]), qualifier }];
  }
  if (t === 'dozens') return [{ value: 24, qualifier: 'dozens' }];
  return undefined;
}

function argusCsvRow(row: Record<string, string>, line: number, options: IncidentFileOptions, warn: Warn): Incident | undefined {
  const date = (row.date ?? '').trim();
  const precision = ((row.date_precision ?? '').trim() || (date.length === 7 ? 'month' : 'day')) as 'day' | 'week' | 'month' | 'year';
  const iso = date.length === 7 ? `${date}-01` : date;
  if (!valid(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)))) {
    warn('date', `"${date}" is not a YYYY-MM-DD or YYYY-MM date`);
    return undefined;
  }
  if (!['day', 'week', 'month', 'year'].includes(precision)) warn('date_precision', `unknown precision "${precision}"`);
  const source = (row.source ?? '').trim() || `${options.file}:${line}`;
  const outlet = (row.outlet ?? '').trim() || options.file;
  const id = (row.id ?? '').trim() || `inc-${shortHash(`${options.file}:${line}:${date}`)}`;
  const claims: Claim[] = [];
  for (const outcome of ['killed', 'injured'] as const) {
    for (const category of CATEGORIES) {
      const field = `${outcome}_${category}`;
      const cell = parseFigureCell(row[field] ?? '');
      if (!cell) {
        warn(field, `"${row[field]}" is not a figure (31, 31-45, at least 31, dozens)`);
        continue;
      }
      cell.forEach((c, k) => {
        claims.push({
          id: `${id}/${field}/${k}`,
          outcome,
          category,
          ...c,
          outlet,
          source,
          ownClaim: (row.own_claim ?? '').trim() === 'true',
        });
      });
    }
  }
  let type = (row.type ?? '').trim() as IncidentType;
  if (!(INCIDENT_TYPES as readonly string[]).includes(type)) {
    if (type) warn('type', `unknown type "${type}"; recorded as other`);
    type = 'other';
  }
  let initiator = (row.initiator ?? '').trim() as Initiator;
  if (!['militant', 'security-forces', 'unknown'].includes(initiator))
    initiator = type === 'security-operation' || type === 'drone-strike' ? 'security-forces' : 'unknown';
  const groupText = (row.perpetrator ?? '').trim();
  const group = groupText ? options.groups.resolve(groupText) : undefined;
  if (groupText && !group) warn('perpetrator', `"${groupText}" is not in the group list`);
  const status = (row.perpetrator_status ?? '').trim();
  const place = placeOf(options, row.province ?? '', row.district ?? '', warn);
  const locality = (row.locality ?? '').trim();
  return assembleIncident(
    {
      id,
      date: { date: iso, precision: ['day', 'week', 'month', 'year'].includes(precision) ? precision : 'day' },
      place: locality ? { ...place, locality } : place,
      type,
      initiator,
      perpetrator: group ? { status: status === 'claimed' ? 'claimed' : 'attributed', group: group.id } : { status: 'unknown' },
      suicide: (row.suicide ?? '').trim() === 'true' || type === 'suicide-bombing',
      ...((row.description ?? '').trim() ? { description: (row.description ?? '').trim() } : {}),
      linked: (row.linked ?? '').split(/[;\s]+/).filter(Boolean),
      sources: [{ ref: source, outlet, kind: 'entry' }],
    },
    claims,
  );
}

/** The JSON twin of the CSV: `{ "incidents": [ { id, date, precision, province, district, type, …, claims: [...] } ] }` or an array. */
function* parseArgusJson(text: string, options: IncidentFileOptions): Generator<IncidentFileEvent> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    yield { type: 'warning', line: 1, message: `not JSON: ${(e as Error).message}`, skipped: true };
    return;
  }
  const items = Array.isArray(doc) ? doc : ((doc as { incidents?: unknown[] })?.incidents ?? []);
  for (let k = 0; k < items.length; k++) {
    const it = items[k] as Record<string, unknown>;
    const line = k + 1;
    const warnings: IncidentFileEvent[] = [];
    const warn: Warn = (field, message) =>
      warnings.push({ type: 'warning', line, field: `incidents[${k}].${field}`, message, skipped: false });
    const flat: Record<string, string> = {};
    for (const [key, v] of Object.entries(it ?? {})) if (typeof v !== 'object' && v !== null && v !== undefined) flat[key] = String(v);
    const claims = Array.isArray(it?.claims) ? (it.claims as Record<string, unknown>[]) : [];
    const base = argusCsvRow(flat, line, options, warn);
    yield* warnings;
    if (!base) {
      yield { type: 'warning', line, field: `incidents[${k}].date`, message: 'incident skipped: it has no usable date', skipped: true };
      continue;
    }
    const extra: Claim[] = [];
    claims.forEach((c, j) => {
      const outcome = c.outcome === 'injured' ? 'injured' : c.outcome === 'killed' ? 'killed' : undefined;
      const category = CATEGORIES.find((x) => x === c.category);
      const qualifier = QUALIFIERS.find((x) => x === (c.qualifier ?? 'exact'));
      const value = typeof c.value === 'number' && Number.isInteger(c.value) && c.value >= 0 ? c.value : undefined;
      if (!outcome || !category || !qualifier || value === undefined) return;
      extra.push({
        id: typeof c.id === 'string' ? c.id : `${base.id}/claim/${j}`,
        outcome,
        category,
        value,
        qualifier,
        outlet: typeof c.outlet === 'string' ? c.outlet : (base.sources[0]?.outlet ?? options.file),
        source: typeof c.source === 'string' ? c.source : (base.sources[0]?.ref ?? options.file),
        ...(typeof c.time === 'string' ? { time: c.time } : {}),
        ownClaim: c.ownClaim === true,
        ...(typeof c.text === 'string' ? { text: c.text } : {}),
      });
    });
    const bad = claims.length - extra.length;
    if (bad > 0)
      yield {
        type: 'warning',
        line,
        field: `incidents[${k}].claims`,
        message: `${bad} claim(s) without outcome, category, qualifier or count ignored`,
        skipped: false,
      };
    yield { type: 'incident', line, incident: extra.length > 0 ? assembleIncident(base, [...base.claims, ...extra]) : base };
  }
}

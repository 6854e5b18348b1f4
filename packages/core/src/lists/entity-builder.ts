/** A mutable, de-duplicating builder for one Entity, used by the list parsers while they read a record. */

import { countryCode } from '../model/countries.js';
import { formatPartialDate, parsePartialDate } from '../model/dates.js';
import {
  type Address,
  type BirthDate,
  type CountryRole,
  type Entity,
  type EntityName,
  type Gender,
  type Identifier,
  type NameKind,
  type PartialDate,
  type Sanction,
  type Schema,
  entityId,
} from '../model/entity.js';
import { detectScript } from '../versions/detect-script.js';

const KIND_RANK: Readonly<Record<NameKind, number>> = { primary: 0, alias_strong: 1, alias_weak: 2 };

/** Whitespace that `clean` would change inside a value: a run of two, or any but a plain space. */
const UNCLEAN_SPACE = /\s\s|[^\S ]/;

/** Trims and collapses runs of whitespace (lists pad values and wrap long ones over lines). */
export function clean(text: string | undefined): string {
  if (text === undefined) return '';
  // Most values need only a trim; testing first spares a new string per value on large lists.
  return UNCLEAN_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/**
 * The ISO partial date at the start of a list's date value ("1959-09-24", "1959-09-24-05:00",
 * "2026-02-27T00:00:09Z", "1971"), or undefined when there is none or it is impossible.
 */
export function isoDate(text: string): PartialDate | undefined {
  const m = /^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:$|[T\s+\-Z])/.exec(text);
  if (!m) return undefined;
  const parts = parsePartialDate(m[1] as string);
  return parts ? formatPartialDate(parts) : undefined;
}

export interface NameParts {
  readonly given?: string;
  readonly middle?: string;
  readonly family?: string;
}

export class EntityBuilder {
  readonly list: string;
  readonly sourceId: string;
  schema: Schema;
  gender: Gender | undefined;
  readonly #names: EntityName[] = [];
  readonly #birthDates = new Map<string, BirthDate>();
  readonly #birthPlaces = new Set<string>();
  readonly #countries = new Map<string, { code: string; role: CountryRole }>();
  readonly #identifiers = new Map<string, Identifier>();
  readonly #addresses = new Map<string, Address>();
  readonly #sanctions = new Map<string, Sanction>();
  readonly #notes = new Set<string>();
  readonly #properties = new Map<string, Set<string>>();

  constructor(list: string, sourceId: string, schema: Schema) {
    this.list = list;
    this.sourceId = sourceId;
    this.schema = schema;
  }

  get nameCount(): number {
    return this.#names.length;
  }

  /**
   * Adds a name; the same spelling twice keeps the stronger kind and the first parts given. The script
   * is detected unless given. Returns false when the name is empty.
   */
  name(full: string, kind: NameKind, parts: NameParts = {}, script?: string): boolean {
    const text = clean(full);
    if (text === '') return false;
    const existing = this.#names.findIndex((n) => n.full === text);
    if (existing >= 0) {
      const old = this.#names[existing] as EntityName;
      if (KIND_RANK[kind] < KIND_RANK[old.kind]) this.#names[existing] = { ...old, kind };
      return true;
    }
    const sc = script ?? detectScript(text);
    const given = clean(parts.given);
    const middle = clean(parts.middle);
    const family = clean(parts.family);
    this.#names.push({
      full: text,
      kind,
      ...(sc !== 'Zyyy' && sc !== 'Zzzz' ? { script: sc } : {}),
      ...(given ? { given } : {}),
      ...(middle ? { middle } : {}),
      ...(family ? { family } : {}),
    });
    return true;
  }

  hasPrimaryName(): boolean {
    return this.#names.some((n) => n.kind === 'primary');
  }

  /** Makes the first name primary when the list marked none (every entity needs a name to show). */
  ensurePrimaryName(): void {
    const first = this.#names[0];
    if (first && !this.hasPrimaryName()) this.#names[0] = { ...first, kind: 'primary' };
  }

  birthDate(date: BirthDate): void {
    const key = date.kind === 'between' ? `between:${date.from}:${date.to}` : `${date.kind}:${date.date}`;
    if (!this.#birthDates.has(key)) this.#birthDates.set(key, date);
  }

  birthPlace(place: string): void {
    const text = clean(place);
    if (text) this.#birthPlaces.add(text);
  }

  country(code: string | undefined, role: CountryRole): void {
    if (!code) return;
    const key = `${role}:${code}`;
    if (!this.#countries.has(key)) this.#countries.set(key, { code, role });
  }

  identifier(id: Identifier): void {
    const value = clean(id.value);
    if (value === '') return;
    const key = `${id.type}:${value}:${id.country ?? ''}`;
    if (this.#identifiers.has(key)) return;
    const label = clean(id.label);
    this.#identifiers.set(key, {
      type: id.type,
      value,
      ...(id.country ? { country: id.country } : {}),
      ...(label ? { label } : {}),
    });
  }

  address(address: Address): void {
    const full = clean(address.full);
    if (full === '' || this.#addresses.has(full)) return;
    const out: { -readonly [K in keyof Address]: Address[K] } = { full };
    for (const k of ['street', 'city', 'region', 'postalCode', 'country'] as const) {
      const v = clean(address[k]);
      if (v) out[k] = v;
    }
    this.#addresses.set(full, out);
  }

  sanction(sanction: Sanction): void {
    const key = `${sanction.authority}:${sanction.program ?? ''}:${sanction.listedOn ?? ''}`;
    if (this.#sanctions.has(key)) return;
    const program = clean(sanction.program);
    const reason = clean(sanction.reason);
    this.#sanctions.set(key, {
      authority: sanction.authority,
      ...(program ? { program } : {}),
      ...(sanction.listedOn ? { listedOn: sanction.listedOn } : {}),
      ...(reason ? { reason } : {}),
    });
  }

  note(text: string | undefined): void {
    // Notes keep their line breaks (they are prose), only the ends are trimmed.
    const t = text?.trim() ?? '';
    if (t) this.#notes.add(t);
  }

  property(key: string, value: string | undefined): void {
    const v = clean(value);
    if (v === '') return;
    let set = this.#properties.get(key);
    if (!set) this.#properties.set(key, (set = new Set()));
    set.add(v);
  }

  build(): Entity {
    const properties: Record<string, readonly string[]> = {};
    for (const [k, set] of this.#properties) properties[k] = [...set];
    return {
      id: entityId(this.list, this.sourceId),
      schema: this.schema,
      // Primary names first (a reviewer reads the first name), the rest in list order.
      names: [...this.#names.filter((n) => n.kind === 'primary'), ...this.#names.filter((n) => n.kind !== 'primary')],
      birthDates: [...this.#birthDates.values()],
      birthPlaces: [...this.#birthPlaces],
      ...(this.gender ? { gender: this.gender } : {}),
      countries: [...this.#countries.values()],
      identifiers: [...this.#identifiers.values()],
      addresses: [...this.#addresses.values()],
      sanctions: [...this.#sanctions.values()],
      notes: [...this.#notes],
      properties,
      source: { list: this.list, sourceId: this.sourceId },
    };
  }
}

/** Adjectives of nationality that nationality fields hold instead of country names (unambiguous ones only). */
const DEMONYMS: Readonly<Record<string, string>> = {
  afghan: 'AF',
  albanian: 'AL',
  algerian: 'DZ',
  american: 'US',
  armenian: 'AM',
  australian: 'AU',
  austrian: 'AT',
  azerbaijani: 'AZ',
  bahraini: 'BH',
  bangladeshi: 'BD',
  belarusian: 'BY',
  belgian: 'BE',
  bosnian: 'BA',
  british: 'GB',
  bulgarian: 'BG',
  burmese: 'MM',
  burundian: 'BI',
  cameroonian: 'CM',
  canadian: 'CA',
  chadian: 'TD',
  chinese: 'CN',
  colombian: 'CO',
  croatian: 'HR',
  cuban: 'CU',
  cypriot: 'CY',
  czech: 'CZ',
  danish: 'DK',
  djiboutian: 'DJ',
  dutch: 'NL',
  egyptian: 'EG',
  emirati: 'AE',
  eritrean: 'ER',
  ethiopian: 'ET',
  filipino: 'PH',
  finnish: 'FI',
  french: 'FR',
  georgian: 'GE',
  german: 'DE',
  ghanaian: 'GH',
  greek: 'GR',
  haitian: 'HT',
  hungarian: 'HU',
  indian: 'IN',
  indonesian: 'ID',
  iranian: 'IR',
  iraqi: 'IQ',
  irish: 'IE',
  israeli: 'IL',
  italian: 'IT',
  ivorian: 'CI',
  japanese: 'JP',
  jordanian: 'JO',
  kazakh: 'KZ',
  kenyan: 'KE',
  kosovar: 'XK',
  kuwaiti: 'KW',
  kyrgyz: 'KG',
  lebanese: 'LB',
  liberian: 'LR',
  libyan: 'LY',
  lithuanian: 'LT',
  malaysian: 'MY',
  malian: 'ML',
  mauritanian: 'MR',
  mexican: 'MX',
  moldovan: 'MD',
  moroccan: 'MA',
  nicaraguan: 'NI',
  nigerian: 'NG',
  nigerien: 'NE',
  'north korean': 'KP',
  norwegian: 'NO',
  omani: 'OM',
  pakistani: 'PK',
  palestinian: 'PS',
  polish: 'PL',
  portuguese: 'PT',
  qatari: 'QA',
  romanian: 'RO',
  russian: 'RU',
  rwandan: 'RW',
  saudi: 'SA',
  'saudi arabian': 'SA',
  senegalese: 'SN',
  serbian: 'RS',
  'sierra leonean': 'SL',
  singaporean: 'SG',
  somali: 'SO',
  'south african': 'ZA',
  'south korean': 'KR',
  'south sudanese': 'SS',
  spanish: 'ES',
  'sri lankan': 'LK',
  sudanese: 'SD',
  swedish: 'SE',
  swiss: 'CH',
  syrian: 'SY',
  tajik: 'TJ',
  tanzanian: 'TZ',
  thai: 'TH',
  tunisian: 'TN',
  turkish: 'TR',
  turkmen: 'TM',
  ugandan: 'UG',
  ukrainian: 'UA',
  uzbek: 'UZ',
  venezuelan: 'VE',
  vietnamese: 'VN',
  yemeni: 'YE',
  zimbabwean: 'ZW',
};

/**
 * A country as list fields write it, to ISO alpha-2: what `countryCode` knows, plus a remark in
 * brackets after the name ("Pakistan (location as at May 2008)") and adjectives of nationality ("Pakistani").
 */
export function listCountry(text: string | undefined): string | undefined {
  const t = clean(text);
  if (t === '' || /^(unknown|n\/?a|none|-+)$/i.test(t)) return undefined;
  const direct = countryCode(t);
  if (direct) return direct;
  const unbracketed = t.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const comma = unbracketed.indexOf(',');
  // "CONGO, Democratic Republic of (was Zaire)": the remark dropped, then the inversion undone.
  const variants = [unbracketed];
  if (comma > 0) {
    const [head, tail] = [unbracketed.slice(0, comma).trim(), unbracketed.slice(comma + 1).trim()];
    variants.push(`${tail} ${head}`, `${tail} the ${head}`);
  }
  for (const v of variants) {
    const hit = v && v !== t ? countryCode(v) : undefined;
    if (hit) return hit;
  }
  return DEMONYMS[unbracketed.toLowerCase()];
}

/** A configurable gazetteer (regions → districts, with spelling variants) and place resolution; Pakistan's by default. */

import type { IncidentPlace } from './incident.js';

export interface GazetteerDistrict {
  readonly name: string;
  readonly aliases?: readonly string[];
}

export interface GazetteerRegion {
  /** Canonical id (`balochistan`). */
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Spellings recognised in a dataset's region column only, never in running text ("Capital"). */
  readonly fieldAliases?: readonly string[];
  readonly districts: readonly GazetteerDistrict[];
}

export interface Gazetteer {
  /** ISO 3166 alpha-2. */
  readonly country: string;
  readonly countryNames: readonly string[];
  readonly regions: readonly GazetteerRegion[];
}

const d = (name: string, ...aliases: string[]): GazetteerDistrict => ({ name, aliases });

/** Pakistan: provinces, territories and the former tribal areas (FATA, merged into Khyber Pakhtunkhwa in 2018). */
export const PAKISTAN_GAZETTEER: Gazetteer = {
  country: 'PK',
  countryNames: ['Pakistan'],
  regions: [
    {
      id: 'khyber-pakhtunkhwa',
      name: 'Khyber Pakhtunkhwa',
      aliases: [
        'KPK',
        'KP',
        'K-P',
        'NWFP',
        'North-West Frontier Province',
        'North West Frontier Province',
        'Khyber-Pakhtunkhwa',
        'Pakhtunkhwa',
      ],
      districts: [
        d('Peshawar', 'Hayatabad'),
        d('Swat', 'Mingora'),
        d('Bannu'),
        d('Hangu', 'Hungu'),
        d('Kohat', 'Dara Adam Khel', 'Darra Adam Khel'),
        d('Dera Ismail Khan', 'D.I Khan', 'D. I Khan', 'D.I. Khan', 'DI Khan', 'D I Khan'),
        d('Charsadda', 'Shabqadar'),
        d('Mardan'),
        d('Tank'),
        d('Nowshera', 'Nowshehra'),
        d('Buner'),
        d('Lower Dir'),
        d('Upper Dir'),
        d('Malakand'),
        d('Lakki Marwat'),
        d('Swabi'),
        d('Shangla'),
        d('Haripur'),
        d('Mansehra'),
        d('Karak'),
        d('Abbottabad'),
        d('Chitral'),
      ],
    },
    {
      id: 'tribal-districts',
      name: 'Tribal districts (former FATA)',
      aliases: ['FATA', 'Fata', 'Federally Administered Tribal Areas', 'tribal areas', 'tribal districts', 'tribal region'],
      districts: [
        d('North Waziristan', 'North Waziristan Agency', 'Miranshah', 'Miran Shah', 'Mir Ali', 'Datta Khel', 'Datakhel'),
        d('South Waziristan', 'South Waziristan Agency', 'Wana'),
        d('Khyber', 'Khyber Agency', 'Tirah', 'Tirah Valley', 'Landi Kotal', 'Bara'),
        d('Bajaur', 'Bajaur Agency'),
        d('Mohmand', 'Mohmand Agency', 'Ghallanai'),
        d('Kurram', 'Kurram Agency', 'Kuram Agency', 'Lower Kurram Agency', 'Parachinar'),
        d('Orakzai', 'Orakzai Agency'),
      ],
    },
    {
      id: 'balochistan',
      name: 'Balochistan',
      aliases: ['Baluchistan', 'Baluchestan'],
      districts: [
        d('Quetta'),
        d('Chaman'),
        d('Zhob'),
        d('Pishin'),
        d('Lasbela', 'Las Bela', 'Hub'),
        d('Khuzdar'),
        d('Chagai', 'Taftan', 'Dalbandin'),
        d('Jhal Magsi'),
        d('Gwadar'),
        d('Kech', 'Turbat'),
        d('Mastung'),
        d('Kalat'),
        d('Noshki', 'Nushki'),
        d('Sibi'),
        d('Panjgur'),
        d('Kachhi', 'Bolan'),
        d('Dera Bugti'),
        d('Kohlu'),
      ],
    },
    {
      id: 'sindh',
      name: 'Sindh',
      aliases: ['Sind'],
      districts: [
        d('Karachi'),
        d('Hyderabad'),
        d('Sukkur'),
        d('Shikarpur'),
        d('Jacobabad'),
        d('Larkana'),
        d('Jamshoro', 'Sehwan', 'Sehwan Sharif'),
      ],
    },
    {
      id: 'punjab',
      name: 'Punjab',
      districts: [
        d('Lahore', 'Wagah'),
        d('Rawalpindi'),
        d('Multan'),
        d('Faisalabad'),
        d('Gujranwala'),
        d('Sialkot'),
        d('Sargodha'),
        d('Attock', 'Fateh Jang'),
        d('Chakwal'),
        d('Gujrat'),
        d('Bhakkar'),
        d('Khanewal'),
        d('Dera Ghazi Khan', 'D.G Khan', 'D.G. Khan', 'DG Khan', 'Taunsa'),
        d('Bahawalpur'),
        d('Mianwali'),
        d('Jhelum'),
      ],
    },
    {
      id: 'islamabad',
      name: 'Islamabad Capital Territory',
      aliases: ['Islamabad', 'ICT'],
      fieldAliases: ['Capital', 'Federal Capital'],
      districts: [d('Islamabad')],
    },
    {
      id: 'gilgit-baltistan',
      name: 'Gilgit-Baltistan',
      aliases: ['Gilgit Baltistan', 'GB', 'Northern Areas'],
      districts: [d('Gilgit'), d('Diamer', 'Chilas'), d('Skardu')],
    },
    {
      id: 'azad-kashmir',
      name: 'Azad Jammu and Kashmir',
      aliases: ['AJK', 'AJ&K', 'Azad Kashmir', 'Azad Jammu & Kashmir'],
      districts: [d('Muzaffarabad'), d('Poonch', 'Rawalakot'), d('Sudhanoti'), d('Mirpur'), d('Kotli')],
    },
  ],
};

/** Lower-case, dots and hyphens as spaces, whitespace collapsed: how spellings are compared. */
export function placeKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.\-_,'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Entry {
  readonly region: GazetteerRegion;
  readonly district?: GazetteerDistrict;
}

/** A compiled gazetteer: every spelling to its region (and district). */
export class PlaceIndex {
  readonly gazetteer: Gazetteer;
  readonly #byKey = new Map<string, Entry>();
  readonly #pattern: RegExp;

  constructor(gazetteer: Gazetteer = PAKISTAN_GAZETTEER) {
    this.gazetteer = gazetteer;
    const spellings: string[] = [];
    for (const region of gazetteer.regions) {
      // Districts first so a region alias of the same spelling ("Islamabad") keeps its district.
      for (const district of region.districts) {
        for (const s of [district.name, ...(district.aliases ?? [])]) {
          this.#byKey.set(placeKey(s), { region, district });
          spellings.push(s);
        }
      }
    }
    for (const region of gazetteer.regions) {
      for (const s of [region.id, region.name, ...(region.aliases ?? [])]) {
        const key = placeKey(s);
        if (!this.#byKey.has(key)) this.#byKey.set(key, { region });
        // Short upper-case codes (KP, GB, ICT) are matched in running text only as written.
        if (s !== region.id && (s.length > 3 || s === s.toUpperCase())) spellings.push(s);
      }
      for (const s of region.fieldAliases ?? []) if (!this.#byKey.has(placeKey(s))) this.#byKey.set(placeKey(s), { region });
    }
    const escaped = [...new Set(spellings)]
      .sort((a, b) => b.length - a.length)
      .map((s) =>
        s
          .split(/[\s.-]+/)
          .filter(Boolean)
          .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[\\s.-]*'),
      );
    this.#pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }

  /** Resolves one field (a province or city column); undefined when the gazetteer does not know it. */
  resolve(text: string): IncidentPlace | undefined {
    const key = placeKey(text);
    if (!key) return undefined;
    let e = this.#byKey.get(key);
    if (!e) {
      // "Tangi, Charsadda District", "Ghallanai, Mohmand Agency": try each part and drop "district".
      for (const part of key.split(/\s*(?:,|\s-\s)\s*|\s+district$/)) {
        const hit = this.#byKey.get(part.replace(/\s+district$/, '').trim());
        if (hit?.district) {
          e = hit;
          break;
        }
        e ??= hit;
      }
    }
    if (!e) {
      const found = this.find(text)[0];
      return found?.place;
    }
    return toPlace(this.gazetteer.country, e);
  }

  /** Resolves a city / district field within a province field, falling back to the province alone. */
  resolveIn(province: string, district: string): IncidentPlace | undefined {
    const p = this.resolve(province);
    const dd = district.trim() ? this.resolve(district) : undefined;
    if (dd && (!p || dd.province === p.province || p.province === undefined)) return dd;
    if (dd && p && dd.district) {
      // The dataset files a district under another region (a FATA agency under KPK): keep the district's own region.
      return dd;
    }
    if (p) return district.trim() ? { ...p, locality: district.trim() } : p;
    return dd;
  }

  /** Every place mentioned in running text, in order, with its span. */
  find(text: string): { readonly text: string; readonly index: number; readonly place: IncidentPlace }[] {
    const out: { text: string; index: number; place: IncidentPlace }[] = [];
    for (const m of text.matchAll(this.#pattern)) {
      const e = this.#byKey.get(placeKey(m[0]));
      if (e) out.push({ text: m[0], index: m.index ?? 0, place: toPlace(this.gazetteer.country, e) });
    }
    return out;
  }

  regionName(id: string | undefined): string {
    return this.gazetteer.regions.find((r) => r.id === id)?.name ?? id ?? 'unknown';
  }
}

function toPlace(country: string, e: Entry): IncidentPlace {
  return e.district
    ? { country, province: e.region.id, district: e.district.name, precision: 'district' }
    : { country, province: e.region.id, precision: 'province' };
}

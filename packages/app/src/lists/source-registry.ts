/** The official publishers Argus knows: where OFAC, the UN, the EU and the UK publish their lists, and in which format. */

export interface OfficialFile {
  /** The name the parser sees (files of a CSV set are recognised by name). */
  readonly name: string;
  readonly url: string;
}

export interface OfficialSource {
  /** The source id lists are imported under (`argus lists import … --source <id>`). */
  readonly id: string;
  readonly name: string;
  readonly publisher: string;
  readonly format: string;
  readonly files: readonly OfficialFile[];
}

const OFAC = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports';

/** The publishers' own URLs, as of 2026. */
export const OFFICIAL_SOURCES: readonly OfficialSource[] = [
  {
    id: 'ofac-sdn',
    name: 'OFAC Specially Designated Nationals (CSV)',
    publisher: 'US Treasury OFAC',
    format: 'ofac-csv',
    files: [
      { name: 'sdn.csv', url: `${OFAC}/SDN.CSV` },
      { name: 'add.csv', url: `${OFAC}/ADD.CSV` },
      { name: 'alt.csv', url: `${OFAC}/ALT.CSV` },
      { name: 'sdn_comments.csv', url: `${OFAC}/SDN_COMMENTS.CSV` },
    ],
  },
  {
    id: 'ofac-sdn-xml',
    name: 'OFAC Specially Designated Nationals (XML)',
    publisher: 'US Treasury OFAC',
    format: 'ofac-xml',
    files: [{ name: 'sdn.xml', url: `${OFAC}/SDN.XML` }],
  },
  {
    id: 'ofac-cons',
    name: 'OFAC Consolidated (non-SDN) lists',
    publisher: 'US Treasury OFAC',
    format: 'ofac-csv',
    files: [
      { name: 'cons_prim.csv', url: `${OFAC}/CONS_PRIM.CSV` },
      { name: 'cons_add.csv', url: `${OFAC}/CONS_ADD.CSV` },
      { name: 'cons_alt.csv', url: `${OFAC}/CONS_ALT.CSV` },
      { name: 'cons_comments.csv', url: `${OFAC}/CONS_COMMENTS.CSV` },
    ],
  },
  {
    id: 'un-sc',
    name: 'UN Security Council Consolidated List',
    publisher: 'United Nations Security Council',
    format: 'un-xml',
    files: [{ name: 'consolidated.xml', url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml' }],
  },
  {
    id: 'eu-fsf',
    name: 'EU Financial Sanctions Files (FSF)',
    publisher: 'European Commission',
    format: 'eu-xml',
    files: [
      {
        name: 'eu-fsf.xml',
        url: 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw',
      },
    ],
  },
  {
    id: 'uk-ofsi',
    name: 'UK OFSI Consolidated List (ConList)',
    publisher: 'HM Treasury OFSI',
    format: 'uk-csv',
    files: [{ name: 'ConList.csv', url: 'https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv' }],
  },
];

/**
 * The registry, optionally pointed at a mirror: with `baseUrl`, every file is fetched from
 * `${baseUrl}/${source.id}/${file.name}` (tests serve fixtures this way; ARGUS_LISTS_BASE_URL sets it).
 */
export function officialSources(options: { readonly baseUrl?: string } = {}): readonly OfficialSource[] {
  const base = options.baseUrl?.replace(/\/+$/, '');
  if (!base) return OFFICIAL_SOURCES;
  return OFFICIAL_SOURCES.map((s) => ({
    ...s,
    files: s.files.map((f) => ({ name: f.name, url: `${base}/${encodeURIComponent(s.id)}/${encodeURIComponent(f.name)}` })),
  }));
}

export function findOfficialSource(registry: readonly OfficialSource[], id: string): OfficialSource | undefined {
  return registry.find((s) => s.id === id);
}

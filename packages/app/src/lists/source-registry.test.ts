import { describe, expect, it } from 'vitest';
import { OFFICIAL_SOURCES, findOfficialSource, officialSources } from './source-registry.js';

describe('officialSources', () => {
  it('knows OFAC SDN (CSV set and XML), OFAC consolidated, UN, EU and UK', () => {
    expect(OFFICIAL_SOURCES.map((s) => [s.id, s.format])).toEqual([
      ['ofac-sdn', 'ofac-csv'],
      ['ofac-sdn-xml', 'ofac-xml'],
      ['ofac-cons', 'ofac-csv'],
      ['un-sc', 'un-xml'],
      ['eu-fsf', 'eu-xml'],
      ['uk-ofsi', 'uk-csv'],
    ]);
    for (const s of OFFICIAL_SOURCES) for (const f of s.files) expect(f.url).toMatch(/^https:\/\//);
    expect(findOfficialSource(OFFICIAL_SOURCES, 'ofac-sdn')?.files.map((f) => f.name)).toEqual([
      'sdn.csv',
      'add.csv',
      'alt.csv',
      'sdn_comments.csv',
    ]);
  });

  it('points every file at a mirror under <base>/<source>/<file>', () => {
    const un = findOfficialSource(officialSources({ baseUrl: 'http://127.0.0.1:8080/lists/' }), 'un-sc');
    expect(un?.files).toEqual([{ name: 'consolidated.xml', url: 'http://127.0.0.1:8080/lists/un-sc/consolidated.xml' }]);
    expect(officialSources()).toBe(OFFICIAL_SOURCES);
  });
});

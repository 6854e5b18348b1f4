import { describe, expect, it } from 'vitest';
import { type BirthDate, type Entity, emptyEntity, type Schema } from '../model/entity.js';
import { ArgusError } from '../model/errors.js';
import { Screener, compareNames } from './screener.js';
import { buildIndexData, ScreeningIndex } from './screening-index.js';

function person(id: string, names: string[], extra: Partial<Entity> = {}, schema: Schema = 'Person'): Entity {
  return {
    ...emptyEntity('test', id, schema),
    names: names.map((full, i) => ({ full, kind: i === 0 ? 'primary' : 'alias_strong' })),
    ...extra,
  };
}
const dob = (date: string): BirthDate => ({ kind: 'exact', date });

const ENTITIES: Entity[] = [
  person('1', ['SALEK, Abdulhai'], { birthDates: [dob('1970-03-04')], countries: [{ code: 'AF', role: 'nationality' }] }),
  person('2', ['Usama bin Muhammad bin Awad BIN LADIN', 'أسامة بن لادن']),
  person('3', ['Muhammad Yusuf'], { birthDates: [dob('1965')] }),
  person('4', ['Muhammad Khan']),
  person('5', ['Muhammad Ali Hassan']),
  person('6', ['Saddam Hussein al-Tikriti']),
  person('7', ['GENERAL TRADING COMPANY LLC'], {}, 'Company'),
  person('8', ['ACME COMMUNICATIONS GROUP LTD'], {}, 'Company'),
  person('9', ['OCEAN STAR'], { identifiers: [{ type: 'imo', value: 'IMO 9123456' }] }, 'Vessel'),
  person('10', ['Ali'], { birthDates: [dob('1980')] }),
  person('11', ['Kim Jong Un']),
  person('12', ['Vladimir Vladimirovich Putin']),
  person('13', ['Zhang Wei Trading'], {}, 'Company'),
  ...Array.from({ length: 40 }, (_, i) =>
    person(`m${i}`, [
      `Muhammad ${['Rahimi', 'Qureshi', 'Baloch', 'Siddiqui', 'Tahir'][i % 5]} ${String.fromCharCode(97 + (i % 26))}${'bcdfg'[i % 5]}zar`,
    ]),
  ),
];

const screener = new Screener(new ScreeningIndex(buildIndexData(ENTITIES)));
const top = (name: string, extra: object = {}) => screener.screen({ name, ...extra }, { limit: 5 })[0];

describe('Screener', () => {
  it('matches reordered comma names and split tokens', () => {
    expect(top('ABDULHAI SALEK')?.entityId).toBe('test:1');
    expect(top('Abdul Hai Salek')?.band).toBe('match');
  });

  it('matches transliteration variants and the original script', () => {
    expect(top('Osama bin Laden')?.entityId).toBe('test:2');
    expect(top('Mohammed Yousef')?.entityId).toBe('test:3');
    expect(top('صدام حسين التكريتي')?.entityId).toBe('test:6');
    expect(top('김정은')?.entityId).toBe('test:11');
    expect(top('Владимир Путин')?.entityId).toBe('test:12');
  });

  it('explains the alignment and every feature', () => {
    const m = top('Mohammed Yousef', { birthDate: '1965-02-01' });
    expect(m?.explanation.name.pairs.map((p) => [p.query, p.name, p.kind])).toEqual([
      ['mohammed', 'muhammad', 'variant'],
      ['yousef', 'yusuf', 'variant'],
    ]);
    expect(m?.explanation.features.find((f) => f.feature === 'dob')?.contribution).toBeGreaterThan(0);
  });

  it('weighs a common given name little', () => {
    const m = screener.screen({ name: 'Muhammad Qureshi' }, { limit: 50 });
    expect(m.every((x) => x.explanation.name.pairs.some((p) => p.name === 'qureshi'))).toBe(true);
    expect(screener.screen({ name: 'Muhammad Smithson' }, { limit: 5 })).toEqual([]);
  });

  it('pushes a same-name person with a conflicting date of birth down, a day/month swap less', () => {
    const same = top('Abdulhai Salek', { birthDate: '1970-03-04' })?.score ?? 0;
    const swapped = top('Abdulhai Salek', { birthDate: '1970-04-03' })?.score ?? 0;
    const other = screener.screen({ name: 'Abdulhai Salek', birthDate: '1950-01-01' }, { includeNoMatch: true })[0]?.score ?? 0;
    expect(same).toBeGreaterThan(swapped);
    expect(swapped).toBeGreaterThan(other);
    expect(top('Ali', { birthDate: '1980-05-05' })?.explanation.features[0]?.detail).toBe('same year 1980');
  });

  it('pushes a conflicting nationality down', () => {
    const ok = top('Abdulhai Salek', { country: 'AF' })?.score ?? 0;
    const bad = screener.screen({ name: 'Abdulhai Salek', country: 'FR' }, { includeNoMatch: true })[0]?.score ?? 0;
    expect(ok).toBeGreaterThan(bad);
  });

  it('never matches on generic company words alone', () => {
    expect(screener.screen({ name: 'Global General Trading Co', schema: 'Company' })).toEqual([]);
    expect(top('ACME COMM GRP LIMITED', { schema: 'Company' })?.entityId).toBe('test:8');
  });

  it('finds a vessel by its IMO number', () => {
    const m = top('Some Ship', { identifiers: ['9123456'], schema: 'Vessel' });
    expect(m?.entityId).toBe('test:9');
    expect(m?.explanation.features.some((f) => f.feature === 'identifier')).toBe(true);
    // an IMO names one hull: equal, it is a match whatever the (renamed) vessel is called
    expect(m?.band).toBe('match');
  });

  it('matches a romanisation with long vowels written double, even in a two-entity index', () => {
    const tiny = new Screener(
      new ScreeningIndex(
        buildIndexData([person('a', ['Abdul Rahman Yasin'], { birthDates: [dob('1960-04-10')] }), person('b', ['Maria Gonzalez Lopez'])]),
      ),
    );
    const [m] = tiny.screen({ name: 'Abdul Rahman Yaseen', birthDate: '1960' });
    expect(m).toMatchObject({ entityId: 'test:a', band: 'match' });
    expect(m?.explanation.name.pairs).toContainEqual(expect.objectContaining({ query: 'yaseen', name: 'yasin', kind: 'variant' }));
  });

  it('rejects bad queries with SCREEN_QUERY_INVALID naming the field', () => {
    const bad = (q: object, field: string) => {
      try {
        screener.screen({ name: 'x', ...q });
        expect.fail('no error');
      } catch (e) {
        expect(e).toBeInstanceOf(ArgusError);
        expect((e as ArgusError).code).toBe('SCREEN_QUERY_INVALID');
        expect((e as ArgusError).location?.field).toBe(field);
      }
    };
    bad({ name: '' }, 'name');
    bad({ name: ' ,.;- ' }, 'name');
    bad({ name: 'al bin' }, 'name');
    bad({ name: 'a'.repeat(10_000) }, 'name');
    bad({ name: 'Ali', birthDate: '1990-13-45' }, 'date_of_birth');
    bad({ name: 'Ali', country: 'Atlantis' }, 'country');
  });
});

describe('compareNames', () => {
  it('scores a reversed name below the same order, but as a match', () => {
    const same = compareNames('Ayman Zawahiri', 'Ayman Zawahiri');
    const rev = compareNames('Zawahiri Ayman', 'Ayman Zawahiri');
    expect(rev.score).toBeLessThan(same.score);
    expect(rev.band).not.toBe('no_match');
    expect(rev.name.reordered).toBe(true);
  });

  it('matches initials and missing middle names', () => {
    expect(compareNames('M. Saeed Khan', 'Muhammad Saeed Khan').band).not.toBe('no_match');
    expect(compareNames('Viktor Bout', 'Viktor Anatolyevich Bout').band).not.toBe('no_match');
  });

  it('treats "&" and "and" alike and abbreviations as their long form', () => {
    expect(compareNames('Smith & Sons', 'Smith and Sons', 'Company').score).toBe(1);
    expect(compareNames('Petro Trade Intl', 'Petro Trade International', 'Company').score).toBe(1);
  });
});

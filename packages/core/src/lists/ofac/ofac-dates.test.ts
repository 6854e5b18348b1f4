import { describe, expect, it } from 'vitest';
import { ofacBirthDate, ofacDate } from './ofac-dates.js';

describe('ofacDate', () => {
  it('reads day-month-year, month-year, year and the XML header form', () => {
    expect(ofacDate('05 Jun 1950')).toBe('1950-06-05');
    expect(ofacDate('5 Sept 1950')).toBe('1950-09-05');
    expect(ofacDate('Mar 1964')).toBe('1964-03');
    expect(ofacDate('1964')).toBe('1964');
    expect(ofacDate('04/22/2020')).toBe('2020-04-22');
  });

  it('refuses impossible dates and other text', () => {
    expect(ofacDate('31 Feb 1970')).toBeUndefined();
    expect(ofacDate('13/01/2020')).toBeUndefined();
    expect(ofacDate('12 Foo 1964')).toBeUndefined();
    expect(ofacDate('unknown')).toBeUndefined();
  });
});

describe('ofacBirthDate', () => {
  it('reads exact dates at every precision', () => {
    expect(ofacBirthDate('12 Mar 1964')).toEqual({ kind: 'exact', date: '1964-03-12' });
    expect(ofacBirthDate('Mar 1964')).toEqual({ kind: 'exact', date: '1964-03' });
    expect(ofacBirthDate('1964')).toEqual({ kind: 'exact', date: '1964' });
  });

  it('reads circa as approximate, with or without a hyphen', () => {
    expect(ofacBirthDate('circa 1964')).toEqual({ kind: 'approximate', date: '1964' });
    expect(ofacBirthDate('circa-1951')).toEqual({ kind: 'approximate', date: '1951' });
    expect(ofacBirthDate('circa Mar 1964')).toEqual({ kind: 'approximate', date: '1964-03' });
  });

  it('reads ranges as between, whatever their precision', () => {
    expect(ofacBirthDate('1960 to 1965')).toEqual({ kind: 'between', from: '1960', to: '1965' });
    expect(ofacBirthDate('01 Jan 1961 to 31 Dec 1962')).toEqual({ kind: 'between', from: '1961-01-01', to: '1962-12-31' });
    expect(ofacBirthDate('Jan 1961 to Dec 1962')).toEqual({ kind: 'between', from: '1961-01', to: '1962-12' });
    expect(ofacBirthDate('circa 1962-1964')).toEqual({ kind: 'between', from: '1962', to: '1964' });
    expect(ofacBirthDate('1965 to 1960')).toEqual({ kind: 'between', from: '1960', to: '1965' });
  });

  it('gives nothing for text that is no date', () => {
    expect(ofacBirthDate('1960 to sometime')).toBeUndefined();
    expect(ofacBirthDate('30 Feb 1961')).toBeUndefined();
    expect(ofacBirthDate('')).toBeUndefined();
  });
});

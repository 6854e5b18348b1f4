import { describe, expect, it } from 'vitest';
import { findCasualtyFigures } from './casualty-figures.js';

const short = (s: string) => findCasualtyFigures(s).map((f) => [f.outcome, f.category, f.qualifier, f.value, f.partOf ?? null]);

describe('findCasualtyFigures', () => {
  it('reads passive figures with qualifiers and categories', () => {
    expect(short('At least 31 people were killed and 169 others injured when a bomber struck.')).toEqual([
      ['killed', 'total', 'at-least', 31, null],
      ['injured', 'total', 'exact', 169, null],
    ]);
    expect(short('Nearly 40 worshippers were wounded and five soldiers martyred in Kohat.')).toEqual([
      ['injured', 'civilian', 'nearly', 40, null],
      ['killed', 'security', 'exact', 5, null],
    ]);
  });

  it('reads active figures and coordinated categories', () => {
    expect(short('Troops killed 14 suspected terrorists in North Waziristan.')).toEqual([['killed', 'militant', 'exact', 14, null]]);
    expect(short('Gunmen shot dead four policemen and wounded two others.')).toEqual([
      ['killed', 'security', 'exact', 4, null],
      ['injured', 'total', 'exact', 2, null],
    ]);
    expect(short('Twelve civilians and three Levies personnel were killed.')).toEqual([
      ['killed', 'civilian', 'exact', 12, null],
      ['killed', 'security', 'exact', 3, null],
    ]);
    expect(short('The death toll rose to 57 on Sunday.')).toEqual([['killed', 'total', 'exact', 57, null]]);
  });

  it('reads breakdowns of a total', () => {
    expect(short('Some 520 people died in 2025, including 300 militants, 120 civilians and 100 soldiers.')).toEqual([
      ['killed', 'total', 'about', 520, null],
      ['killed', 'militant', 'exact', 300, 0],
      ['killed', 'civilian', 'exact', 120, 0],
      ['killed', 'security', 'exact', 100, 0],
    ]);
  });

  it('reads tolls, totals broken down before their verb, and parts of a figure', () => {
    expect(short('The death toll from the blast climbed to 40.')).toEqual([['killed', 'total', 'exact', 40, null]]);
    expect(short('13 people, including four children, were killed.')).toEqual([
      ['killed', 'total', 'exact', 13, null],
      ['killed', 'civilian', 'exact', 4, 0],
    ]);
    expect(short('Over 100 people were injured, 30 of them critically.')).toEqual([
      ['injured', 'total', 'more-than', 100, null],
      ['injured', 'total', 'exact', 30, 0],
    ]);
    expect(short('A roadside bomb hit a van, killing at least five policemen and wounding 12 others.')).toEqual([
      ['killed', 'security', 'at-least', 5, null],
      ['injured', 'total', 'exact', 12, null],
    ]);
  });

  it('does not count people abducted or arrested as casualties', () => {
    expect(short('The militants abducted 11 passengers and later killed nine of them.')).toEqual([['killed', 'total', 'exact', 9, null]]);
  });

  it('reads vague figures', () => {
    expect(short('The attack left dozens dead.')).toEqual([['killed', 'total', 'dozens', 24, null]]);
    expect(short('More than 200 suspected militants were killed.')).toEqual([['killed', 'militant', 'more-than', 200, null]]);
  });

  it('ignores percentages, years, money, dates and durations', () => {
    expect(short('Deaths rose 43 percent in 2025 after a six-day operation on April 9 cost $7 billion, with a 29% tariff.')).toEqual([]);
    expect(short('The two leaders met on 12 February 2026.')).toEqual([]);
  });

  it('reads a revised toll far from its verb and skips the increment', () => {
    expect(
      short(
        "The death toll from Monday's blast near the bus terminal in Mardan climbed to 17 on Wednesday after four of the wounded died in hospital.",
      ),
    ).toEqual([['killed', 'total', 'exact', 17, null]]);
  });

  it('reads part of a group’s dead as a lower bound of its militants', () => {
    expect(short('The Lashkar-e-Jhangvi said three of its commanders died in the raid.')).toEqual([
      ['killed', 'militant', 'at-least', 3, null],
    ]);
  });
});

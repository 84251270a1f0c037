import { describe, expect, it } from 'vitest';
import { checkPosting, decisionDue, earliestFiling, latestEnd, postingEndReminders, type Posting } from '../../src/lib/a1.ts';

const posting = (over: Partial<Posting> = {}): Posting => ({
  id: 1,
  person: { emso: '0101990500003', name: 'Janez', surname: 'Novak' },
  country: 'AT', placeOfWork: 'Graz', tasks: 'montaža fasade',
  client: { name: 'Bau GmbH', address: 'Hauptplatz 1, 8010 Graz', taxNumber: 'ATU12345678' },
  start: '2026-12-01', end: '2027-05-31', ...over,
});
const TODAY = '2026-11-21';
const codes = (p: Posting, others: Posting[] = [], today = TODAY) => checkPosting(p, today, others).map((i) => i.code);

describe('A1 checks (RULES §9)', () => {
  it('accepts a complete posting filed in time', () => {
    expect(codes(posting())).toEqual([]);
  });

  it('may be filed at most 30 days before the start: the boundary day is allowed', () => {
    expect(earliestFiling('2026-12-21')).toBe('2026-11-21');
    expect(codes(posting({ start: '2026-12-21', end: '2027-01-31' }))).toEqual([]);
    expect(codes(posting({ start: '2026-12-22', end: '2027-01-31' }))).toEqual(['TOO_EARLY']);
  });

  it('is never retroactive: today is allowed, yesterday is not, except UK postings that began in 2021', () => {
    expect(codes(posting({ start: TODAY }))).toEqual([]);
    expect(codes(posting({ start: '2026-11-20' }))).toEqual(['RETROACTIVE']);
    expect(codes(posting({ country: 'GB', start: '2021-03-01', end: '2022-02-28' }))).toEqual([]);
    expect(codes(posting({ country: 'GB', start: '2022-01-03', end: '2022-06-30' }))).toEqual(['RETROACTIVE']);
  });

  it('ends on or after the start', () => {
    expect(codes(posting({ end: '2026-12-01' }))).toEqual([]);
    expect(codes(posting({ end: '2026-11-30' }))).toEqual(['END_BEFORE_START']);
  });

  it('lasts at most 24 months: start + 24 months − 1 day', () => {
    expect(latestEnd('2026-12-01')).toBe('2028-11-30');
    expect(latestEnd('2027-02-28')).toBe('2029-02-27');
    expect(latestEnd('2028-02-29')).toBe('2030-02-27');
    expect(codes(posting({ end: '2028-11-30' }))).toEqual([]);
    expect(codes(posting({ end: '2028-12-01' }))).toEqual(['OVER_24_MONTHS']);
  });

  it('does not overlap another A1 of the same person, touching days included', () => {
    const other = posting({ id: 2, country: 'GB', start: '2027-05-31', end: '2027-08-31' });
    expect(codes(posting(), [other])).toEqual(['OVERLAP']);
    expect(codes(posting(), [{ ...other, start: '2027-06-01' }])).toEqual([]);
    expect(codes(posting(), [{ ...other, person: { ...other.person, emso: '0202985505006' } }])).toEqual([]);
    expect(codes(posting(), [posting()])).toEqual([]); // itself
  });

  it('covers the EU, EEA, Switzerland and the UK only', () => {
    for (const c of ['DE', 'hr', 'NO', 'IS', 'LI', 'CH', 'GB']) expect(codes(posting({ country: c }))).toEqual([]);
    for (const c of ['SI', 'RS', 'US', 'BA', '']) expect(codes(posting({ country: c }))).toContain('COUNTRY_NOT_COVERED');
  });

  it('names missing fields and a bad EMŠO, with Slovenian messages', () => {
    const issues = checkPosting(posting({ tasks: ' ', person: { emso: '0101990500004', name: 'Janez', surname: 'Novak' } }), TODAY);
    expect(issues.map((i) => [i.code, i.field])).toEqual([['MISSING_FIELD', 'tasks'], ['BAD_EMSO', 'person.emso']]);
    expect(issues[1]!.sl).toMatch(/EMŠO/);
  });

  it('reminds of M-2 out of basis 002 and registration back, and the decision deadline', () => {
    const r = postingEndReminders(posting({ originalBasis: '001' }));
    expect(r.map((x) => x.due)).toEqual(['2027-05-31', '2027-06-01']);
    expect(r[0]!.sl).toMatch(/002/);
    expect(r[1]!.sl).toMatch(/001/);
    expect(decisionDue('2026-11-20')).toBe('2026-11-27');
  });
});

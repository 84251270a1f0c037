import { describe, expect, it } from 'vitest';
import { array, boolean, empty, jsonSize, literal, nullable, number, object, optional, string } from '../../src/background/validate.ts';

describe('validators', () => {
  const worker = object({
    name: string({ max: 20, min: 1 }),
    hours: nullable(number({ min: 0, max: 24 })),
    kind: literal('eBOL', 'ePODK'),
    note: optional(string({ max: 5 })),
    tags: array(string({ max: 3 }), { max: 2 }),
    active: boolean(),
  });
  const ok = { name: 'Ana', hours: 4, kind: 'eBOL', tags: ['a'], active: true };

  it('accepts a valid value, with or without optional keys', () => {
    expect(worker.check(ok, '')).toBeNull();
    expect(worker.check({ ...ok, hours: null, note: 'x' }, '')).toBeNull();
  });

  it.each([
    [{ ...ok, name: '' }, 'name: besedilo je prekratko'],
    [{ ...ok, hours: 25 }, 'hours: število je večje od 24'],
    [{ ...ok, hours: Number.NaN }, 'hours: pričakovano število'],
    [{ ...ok, kind: 'X' }, 'kind: pričakovana ena od vrednosti eBOL, ePODK'],
    [{ ...ok, note: 'toolong' }, 'note: besedilo je predolgo'],
    [{ ...ok, tags: ['a', 'b', 'c'] }, 'tags: seznam je predolg'],
    [{ ...ok, tags: ['long'] }, 'tags[0]: besedilo je predolgo'],
    [{ ...ok, active: 'yes' }, 'active: pričakovano da/ne'],
    [{ ...ok, extra: 1 }, 'nepričakovano polje »extra«'],
    [[ok], 'pričakovan objekt'],
  ])('names the first problem: %j', (value, problem) => {
    expect(worker.check(value, '')).toContain(problem);
  });

  it('empty() accepts only {}', () => {
    expect(empty().check({}, '')).toBeNull();
    expect(empty().check(undefined, '')).not.toBeNull();
  });

  it('measures payloads as UTF-8 JSON', () => {
    expect(jsonSize({ a: 'č' })).toBe('{"a":"č"}'.length + 1);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(jsonSize(cyclic)).toBe(Number.POSITIVE_INFINITY);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { futureDateProblems, isIsoDate, todayInShanghai } from './dates.js';

describe('calendar dates', () => {
  it('accepts only dates that exist', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-02-30')).toBe(false);
    expect(isIsoDate('2023-04-31')).toBe(false);
    expect(isIsoDate('2023-00-10')).toBe(false);
    expect(isIsoDate('2023-1-10')).toBe(false);
    expect(isIsoDate('2023-01-10T00:00:00Z')).toBe(false);
  });

  it('agrees with the calendar for every day of four centuries', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2299-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          expect(isIsoDate(d.toISOString().slice(0, 10))).toBe(true);
        },
      ),
    );
  });

  it('counts today in Asia/Shanghai, 8 hours ahead of UTC', () => {
    expect(todayInShanghai(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(todayInShanghai(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(todayInShanghai(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });

  it('names each fact dated after today, and nothing else', () => {
    expect(
      futureDateProblems({ testedOn: '2026-03-02', receivedOn: '2026-03-01', sampledOn: null, bad: '2026-13-01' }, '2026-03-01'),
    ).toEqual([{ path: 'testedOn', message: 'date.future' }]);
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (offset) => {
        const day = new Date(Date.UTC(2026, 2, 1 + offset)).toISOString().slice(0, 10);
        expect(futureDateProblems({ on: day }, '2026-03-01')).toHaveLength(offset > 0 ? 1 : 0);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  describeInterval,
  formatAbsolute,
  formatRelative,
  isNoScheduleInterval,
  parseGraphTime,
  parseIsoDuration,
  toTimeView,
} from '@/lib/time';

const NOW = new Date('2026-11-28T09:05:00.000Z');
const iso = (value: unknown) => parseGraphTime(value)?.toISOString() ?? null;

describe('parseGraphTime', () => {
  it.each([
    ['2026-11-28T14:05:00Z', '2026-11-28T14:05:00.000Z'],
    ['2017-07-19T12:35:27.0869139Z', '2017-07-19T12:35:27.086Z'],
    ['2017-07-19T06:56:58.2464011Z', '2017-07-19T06:56:58.246Z'],
    ['2026-11-28T08:00:59.9999999Z', '2026-11-28T08:00:59.999Z'], // truncated, never rolled into the next minute
    ['2026-11-28T08:00:00.1Z', '2026-11-28T08:00:00.100Z'],
    ['2026-11-28T08:00:00.12Z', '2026-11-28T08:00:00.120Z'],
    ['2026-11-28T08:00:00.123456789012Z', '2026-11-28T08:00:00.123Z'],
    ['2026-11-28T09:00:00.0869139+01:00', '2026-11-28T08:00:00.086Z'],
    ['2026-11-28T03:30:00-05:30', '2026-11-28T09:00:00.000Z'],
    ['2026-11-28T09:00:00+0100', '2026-11-28T08:00:00.000Z'],
    ['2026-11-28T09:00:00', '2026-11-28T09:00:00.000Z'], // no offset: UTC, as Graph documents
    ['2026-11-28T09:00Z', '2026-11-28T09:00:00.000Z'],
    ['  2026-11-28T09:00:00Z ', '2026-11-28T09:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['0001-01-01T00:00:01Z', '0001-01-01T00:00:01.000Z'], // year 1 but not the sentinel: read literally
  ])('%j → %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    ['the MinValue sentinel', '0001-01-01T00:00:00Z'],
    ['the sentinel with 7 zero digits', '0001-01-01T00:00:00.0000000Z'],
    ['the sentinel with 3 zero digits', '0001-01-01T00:00:00.000Z'],
    ['the sentinel with +00:00', '0001-01-01T00:00:00+00:00'],
    ['the sentinel with -00:00 and zeros', '0001-01-01T00:00:00.0-00:00'],
    ['the sentinel without offset', '0001-01-01T00:00:00'],
    ['an empty string', ''],
    ['blanks', '   '],
    ['undefined', undefined],
    ['null', null],
    ['a number', 1732784700000],
    ['a Date', new Date('2026-11-28T09:00:00Z')],
    ['an object', { value: '2026-11-28T09:00:00Z' }],
    ['words', 'yesterday'],
    ['a date without time', '2026-11-28'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['30 February', '2026-02-30T00:00:00Z'],
    ['29 February of a common year', '2026-02-29T00:00:00Z'],
    ['hour 24', '2026-11-28T24:00:00Z'],
    ['minute 60', '2026-11-28T09:60:00Z'],
    ['a bad offset', '2026-11-28T09:00:00+25:00'],
    ['trailing text', '2026-11-28T09:00:00Zjunk'],
  ])('%s → null', (_what, input) => {
    expect(parseGraphTime(input)).toBeNull();
  });
});

describe('schedules and durations', () => {
  it.each([
    ['PT40M', 2400],
    ['PT20M', 1200],
    ['PT2M', 120],
    ['PT1H30M', 5400],
    ['P1D', 86_400],
    ['P1DT2H', 93_600],
    ['P2W', 1_209_600],
    ['PT5.5S', 5.5],
    ['PT0,5S', 0.5],
    ['pt40m', 2400],
    ['P10675199DT2H48M5.4775807S', 922_337_203_685.4775807],
    ['', null],
    ['P', null],
    ['PT', null],
    ['P1DT', null],
    ['40 minutes', null],
    ['-PT40M', null],
    [40, null],
    [null, null],
  ])('parseIsoDuration(%j) = %s', (input, expected) => {
    const seconds = parseIsoDuration(input);
    if (expected === null) expect(seconds).toBeNull();
    else expect(seconds).toBeCloseTo(expected, 3);
  });

  it.each([
    ['P10675199DT2H48M5.4775807S', true],
    [' P10675199DT2H48M5.4775807S ', true],
    ['PT40M', false],
    ['', false],
    [null, false],
    [42, false],
  ])('isNoScheduleInterval(%j) = %s', (input, expected) => {
    expect(isNoScheduleInterval(input)).toBe(expected);
  });

  it.each([
    ['PT40M', 'every 40 minutes'],
    ['PT20M', 'every 20 minutes'],
    ['PT2M', 'every 2 minutes'],
    ['PT1M', 'every minute'],
    ['PT90M', 'every 90 minutes'],
    ['PT1H', 'every hour'],
    ['PT2H', 'every 2 hours'],
    ['PT120M', 'every 2 hours'],
    ['P1D', 'every day'],
    ['PT24H', 'every day'],
    ['P3D', 'every 3 days'],
    ['P7D', 'every week'],
    ['P2W', 'every 2 weeks'],
    ['PT30S', 'every 30 seconds'],
    ['PT1S', 'every second'],
    ['PT5.5S', 'every 5.5 seconds'],
    ['P10675199DT2H48M5.4775807S', 'no schedule'],
    ['PT0S', 'PT0S'],
    ['every so often', 'every so often'],
    ['<b>PT40M</b>', '<b>PT40M</b>'],
  ])('describeInterval(%j) = %j', (input, expected) => {
    expect(describeInterval(input)).toBe(expected);
  });
});

describe('formatRelative (now = Sat 28 Nov 2026, 09:05 UTC)', () => {
  it.each([
    ['2026-11-28T09:05:00Z', 'just now'],
    ['2026-11-28T09:05:44Z', 'just now'],
    ['2026-11-28T09:04:20Z', 'just now'],
    ['2026-11-28T09:06:00Z', 'in 1 min'],
    ['2026-11-28T09:10:00Z', 'in 5 min'],
    ['2026-11-28T09:00:00Z', '5 min ago'],
    ['2026-11-28T10:04:00Z', 'in 59 min'],
    ['2026-11-28T14:05:00Z', 'in 5 h'],
    ['2026-11-28T04:05:00Z', '5 h ago'],
    ['2026-11-29T08:35:00Z', 'in 1 day'], // 23.5 h rounds to a day, not "24 h"
    ['2026-11-26T09:05:00Z', '2 days ago'],
    ['2026-12-18T08:00:00Z', 'in 20 days'],
    ['2026-10-01T00:00:00Z', '2 months ago'],
    ['2025-11-28T09:05:00Z', '1 year ago'],
    ['2017-07-19T12:35:27Z', '9 years ago'],
  ])('%s → %j', (when, expected) => {
    expect(formatRelative(new Date(when), NOW)).toBe(expected);
  });

  it('is empty for an invalid date rather than "NaN min"', () => {
    expect(formatRelative(new Date(Number.NaN), NOW)).toBe('');
  });
});

describe('formatAbsolute', () => {
  it.each([
    ['2026-11-28T14:05:00Z', 'UTC', 'Sat 28 Nov 2026, 14:05'],
    ['2026-09-07T00:00:00Z', 'UTC', 'Mon 7 Sep 2026, 00:00'],
    ['2026-11-28T23:30:00Z', 'Europe/Berlin', 'Sun 29 Nov 2026, 00:30'],
    ['2026-11-28T02:00:00Z', 'America/New_York', 'Fri 27 Nov 2026, 21:00'],
    ['2026-07-01T12:00:00Z', 'Asia/Kolkata', 'Wed 1 Jul 2026, 17:30'],
    ['2017-07-19T12:35:27.086Z', 'UTC', 'Wed 19 Jul 2017, 12:35'],
    ['2026-11-28T14:05:00Z', 'Not/AZone', 'Sat 28 Nov 2026, 14:05'], // unknown zone → UTC
  ])('%s in %s → %j', (when, zone, expected) => {
    expect(formatAbsolute(new Date(when), zone)).toBe(expected);
  });
});

describe('toTimeView', () => {
  it('tells a Graph timestamp relative first, absolute for hover', () => {
    expect(toTimeView('2026-11-28T14:05:00.0000000Z', NOW, 'UTC')).toEqual({
      iso: '2026-11-28T14:05:00.000Z',
      relative: 'in 5 h',
      absolute: 'Sat 28 Nov 2026, 14:05',
    });
  });

  it.each([['0001-01-01T00:00:00Z'], [''], [null], [undefined], ['garbage']])('%j → null ("never")', (value) => {
    expect(toTimeView(value, NOW, 'UTC')).toBeNull();
  });

  it('accepts a Date', () => {
    expect(toTimeView(new Date('2026-11-26T09:05:00Z'), NOW, 'UTC')?.relative).toBe('2 days ago');
  });
});

describe('wall clock without Intl for the runtime zone and UTC (ICU stays unloaded on the first render)', () => {
  it('writes the same text as Intl would, in the runtime zone and in UTC, across years, months and DST', async () => {
    const { formatAbsolute } = await import('@/lib/time');
    const intl = (date: Date, timeZone?: string) => {
      const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23', timeZone })
        .formatToParts(date).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
      return `${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute}`;
    };
    const fields = (text: string) => {
      const m = /^\w{3} (\d+) (\w{3}) (\d+), (\d\d):(\d\d)$/.exec(text)!;
      const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(m[2]!) + 1;
      return `${Number(m[1])} ${month} ${Number(m[3])} ${Number(m[4])}:${Number(m[5])}`;
    };
    const saved = process.env.TZ;
    try {
      // Node follows TZ when it changes: the runtime's zone is each of these in turn.
      for (const zone of ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham']) {
        process.env.TZ = zone;
        for (let t = Date.parse('1999-12-31T23:59:00Z'); t < Date.parse('2031-01-01T00:00:00Z'); t += 791_999_993) {
          const date = new Date(t);
          expect(fields(formatAbsolute(date))).toBe(intl(date));
          expect(fields(formatAbsolute(date, 'UTC'))).toBe(intl(date, 'UTC'));
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

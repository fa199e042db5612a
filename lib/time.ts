/**
 * Times and durations as Microsoft Graph's synchronization API sends them, told for humans.
 * Pure: no DOM. Graph quirks handled here (graph-sync-api.md, "Sentinels"):
 * - `0001-01-01T00:00:00Z` (.NET DateTimeOffset.MinValue) and `""` mean "never / not set";
 * - up to 7 fractional digits, which `Date.parse` reads differently per engine;
 * - `P10675199DT2H48M5.4775807S` (.NET TimeSpan.MaxValue) means "no recurring schedule".
 */
import type { TimeView } from './job-view';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** .NET TimeSpan.MaxValue as Graph serialises it. */
export const NO_SCHEDULE_INTERVAL = 'P10675199DT2H48M5.4775807S';

// date, time, optional seconds and fraction (any length), optional offset (absent = UTC, as Graph documents).
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}:?\d{2})?$/;

function offsetMinutes(offset: string | undefined): number | null {
  if (!offset || offset === 'Z' || offset === 'z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0); // day 0 of the next month = last day of this one
  return d.getUTCDate();
}

/**
 * A Graph DateTimeOffset as a Date, or null for anything that does not name a real moment:
 * missing, not a string, empty, unparsable, out of range, or the MinValue sentinel in any form
 * (`0001-01-01T00:00:00Z`, `…00.0000000Z`, `…+00:00`). Built field by field, never via
 * `Date.parse`, so 7-digit fractions and year-1 dates read the same in every engine.
 */
export function parseGraphTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = TIMESTAMP.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((s) => Number(s ?? '0')) as [
    number, number, number, number, number, number,
  ];
  const offset = offsetMinutes(m[8]);
  if (offset === null || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const isMinValue = year === 1 && month === 1 && day === 1 && hour === 0 && minute === 0 && second === 0;
  if (isMinValue && /^0*$/.test(m[7] ?? '') && offset === 0) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return new Date(date.getTime() - offset * MINUTE);
}

/** true for .NET TimeSpan.MaxValue (or anything as long): the job has no recurring schedule. */
export function isNoScheduleInterval(interval: unknown): boolean {
  if (typeof interval !== 'string') return false;
  if (interval.trim() === NO_SCHEDULE_INTERVAL) return true;
  const seconds = parseIsoDuration(interval);
  return seconds !== null && seconds >= 10_675_199 * 86_400;
}

const DURATION =
  /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;
// Seconds per Y, M, W, D, H, M, S. Years and months are nominal (365 and 30 days): Graph uses neither.
const UNIT_SECONDS = [365 * 86_400, 30 * 86_400, 7 * 86_400, 86_400, 3_600, 60, 1] as const;

/** An ISO-8601 duration (`PT40M`, `P1DT2H`, `PT5.5S`) in seconds, or null if it is not one. */
export function parseIsoDuration(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  const m = DURATION.exec(trimmed);
  if (!m || trimmed.length < 3 || /T$/i.test(trimmed)) return null; // "P", "PT", "P1DT" are not durations
  return UNIT_SECONDS.reduce((sum, unit, i) => sum + Number((m[i + 1] ?? '0').replace(',', '.')) * unit, 0);
}

const INTERVAL_UNITS: [seconds: number, one: string, many: string][] = [
  [604_800, 'week', 'weeks'],
  [86_400, 'day', 'days'],
  [3_600, 'hour', 'hours'],
  [60, 'minute', 'minutes'],
];

/**
 * "every 40 minutes", "every 2 hours", "every day", "no schedule" (TimeSpan.MaxValue), counted in the
 * largest unit that divides the interval evenly (90 min → "every 90 minutes"). Anything that is not a
 * positive duration comes back verbatim.
 */
export function describeInterval(text: string): string {
  if (isNoScheduleInterval(text)) return 'no schedule';
  const seconds = parseIsoDuration(text);
  if (seconds === null || seconds <= 0) return text;
  for (const [size, one, many] of INTERVAL_UNITS) {
    if (seconds % size === 0) return seconds === size ? `every ${one}` : `every ${seconds / size} ${many}`;
  }
  return seconds === 1 ? 'every second' : `every ${seconds} seconds`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Compact, human distance from `now`: "just now", "in 5 min", "in 5 h", "2 days ago", "3 months ago". */
export function formatRelative(date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  if (!Number.isFinite(diff)) return '';
  const abs = Math.abs(diff);
  if (abs < 45_000) return 'just now';
  const minutes = Math.max(1, Math.round(abs / MINUTE));
  const hours = Math.round(abs / HOUR);
  const days = Math.round(abs / DAY);
  const months = Math.round(abs / (30.44 * DAY));
  let amount: string;
  if (minutes < 60) amount = `${minutes} min`;
  else if (hours < 24) amount = `${hours} h`;
  else if (days < 45) amount = plural(days, 'day', 'days');
  else if (months < 12) amount = plural(months, 'month', 'months');
  else amount = plural(Math.max(1, Math.round(abs / (365.25 * DAY))), 'year', 'years');
  return diff > 0 ? `in ${amount}` : `${amount} ago`;
}

// Our own names: ICU's en-GB spells September "Sept" in some versions and "Sep" in others.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const WALL_CLOCK: Intl.DateTimeFormatOptions = {
  year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
};

// Building a DateTimeFormat costs far more than using one (it was the top item of the overlay's CPU
// profile: a card formats a dozen times), so keep one per zone; a page meets one or two zones.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = wallClockFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { ...WALL_CLOCK, timeZone });
    } catch {
      format = new Intl.DateTimeFormat('en-US', { ...WALL_CLOCK, timeZone: 'UTC' }); // unknown zone name
    }
    // Zone names come from settings or callers: a bounded cache even if something loops over them.
    if (wallClockFormats.size >= 16) wallClockFormats.clear();
    wallClockFormats.set(key, format);
  }
  return format;
}

function wallClock(date: Date, timeZone: string | undefined): Record<string, number> {
  // The runtime's own zone and UTC (the two the settings offer) come from Date's getters, which need
  // no Intl: the first DateTimeFormat of a tab loads ICU's data (15–20 ms in a fresh portal tab, on
  // the path to the overlay's first render). Other zones go to Intl.
  if (timeZone === undefined || timeZone === 'UTC') {
    // The runtime's wall clock is UTC shifted by its offset at that instant.
    const d = timeZone ? date : new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
  }
  const format = wallClockFormat(timeZone);
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(date)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return parts;
}

/**
 * "Sat 28 Nov 2026, 14:05" in `timeZone` (IANA; default the runtime's; an invalid zone falls back
 * to UTC). The wall-clock fields come from Intl; the layout and the names are fixed, so the text is
 * the same in every engine.
 */
export function formatAbsolute(date: Date, timeZone?: string): string {
  if (!Number.isFinite(date.getTime())) return '';
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = wallClock(date, timeZone);
  const civil = new Date(0);
  civil.setUTCFullYear(year, month - 1, day);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[civil.getUTCDay()]} ${day} ${MONTHS[month - 1]} ${year}, ${pad(hour)}:${pad(minute)}`;
}

/** A Graph timestamp (or a Date) as a TimeView, or null when it means "never" (see parseGraphTime). */
export function toTimeView(value: unknown, now: Date, timeZone?: string): TimeView | null {
  const date = value instanceof Date ? value : parseGraphTime(value);
  if (!date || !Number.isFinite(date.getTime())) return null;
  return { iso: date.toISOString(), relative: formatRelative(date, now), absolute: formatAbsolute(date, timeZone) };
}

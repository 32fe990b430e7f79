/**
 * Calendar arithmetic on YYYY-MM-DD strings. Dates are whole days with no time zone, so the
 * same inputs give the same answer on every machine; YYYY-MM-DD strings compare as text.
 */

const AGE = /^([1-9][0-9]{0,3}) (day|week|month|year)s?$/;

export interface Age {
  count: number;
  unit: 'day' | 'week' | 'month' | 'year';
}

/** Parses `12 months`, `1 year`, `90 days`; undefined for anything else (the schema refuses it first). */
export function parseAge(text: string): Age | undefined {
  const match = AGE.exec(text);
  if (!match) return undefined;
  return { count: Number(match[1]), unit: match[2] as Age['unit'] };
}

/** The day `age` before `date`; a month step lands on the month's last day when the day does not exist. */
export function dateBefore(date: string, age: Age): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (age.unit === 'day' || age.unit === 'week') {
    const days = age.unit === 'week' ? age.count * 7 : age.count;
    return isoOf(new Date(Date.UTC(year, month - 1, day - days)));
  }
  const months = age.unit === 'year' ? age.count * 12 : age.count;
  const first = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return isoOf(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, lastDay))));
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoOf(date) === text;
}

/**
 * The last day a date written YYYY, YYYY-MM or YYYY-MM-DD can mean (2023 → 2023-12-31, 2024-02 →
 * 2024-02-29), so a date known only by its year or month is never judged older than it may be.
 * Undefined for anything else, an impossible day included.
 */
export function latestDayOf(text: string): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (day !== undefined) return isIsoDate(text) ? text : undefined;
  const lastMonth = month === undefined ? 12 : Number(month);
  if (lastMonth < 1 || lastMonth > 12) return undefined;
  const lastDay = new Date(Date.UTC(Number(year), lastMonth, 0)).getUTCDate();
  return `${year}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

/** A span of calendar time, as `--max-inactivity` takes it: e.g. 12m, 1y, 90d, 6w. */
export interface Duration {
  amount: number;
  unit: 'day' | 'week' | 'month' | 'year';
}

export const DEFAULT_MAX_INACTIVITY: Duration = { amount: 12, unit: 'month' };

const UNITS: Readonly<Record<string, Duration['unit']>> = {
  d: 'day',
  day: 'day',
  days: 'day',
  w: 'week',
  week: 'week',
  weeks: 'week',
  m: 'month',
  mo: 'month',
  month: 'month',
  months: 'month',
  y: 'year',
  year: 'year',
  years: 'year',
};

export const DURATION_SYNTAX =
  'a whole number and a unit: d, w, m or y (days, weeks, months, years), e.g. 12m, 1y, 90d';

/** Parses "12m", "1y", "90d", "6 weeks"; undefined when the text is not such a duration. */
export function parseDuration(text: string): Duration | undefined {
  const match = /^\s*(\d{1,4})\s*([a-z]+)\s*$/i.exec(text);
  const unit = match?.[2] && UNITS[match[2].toLowerCase()];
  if (!match?.[1] || !unit) return undefined;
  return { amount: Number(match[1]), unit };
}

/** The moment `duration` before `now`, counting calendar months and years (clamped to month ends). */
export function subtractDuration(now: Date, duration: Duration): Date {
  const date = new Date(now.getTime());
  if (duration.unit === 'day' || duration.unit === 'week') {
    date.setUTCDate(date.getUTCDate() - duration.amount * (duration.unit === 'week' ? 7 : 1));
    return date;
  }
  const months = duration.amount * (duration.unit === 'year' ? 12 : 1);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date;
}

export function formatDuration(duration: Duration): string {
  return `${duration.amount} ${duration.unit}${duration.amount === 1 ? '' : 's'}`;
}

/**
 * Dates as whole days since 1970-01-01 (UTC) and months as year * 12 + (month - 1): plain integers,
 * so that simulating millions of subscriber-months is arithmetic, not Date objects.
 */

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Parses 'YYYY-MM-DD' strictly; throws RangeError on anything else. */
export function parseDay(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new RangeError(`asOf must be a date 'YYYY-MM-DD', got '${value}'`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const result = dayOf(year, month, day);
  if (formatDay(result) !== value) throw new RangeError(`asOf is not a calendar date: '${value}'`);
  return result;
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function monthOfDay(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

export function monthStart(month: number): number {
  return dayOf(Math.floor(month / 12), (month % 12) + 1, 1);
}

/** Calendar month 1..12 of a month index. */
export function calendarMonth(month: number): number {
  return (month % 12) + 1;
}

/**
 * Formats days and months of a fixed range from precomputed tables: the generator formats
 * tens of millions of dates.
 */
export class Calendar {
  readonly firstMonth: number;
  readonly lastMonth: number;
  private readonly days: string[] = [];
  private readonly monthStarts: number[] = [];
  private readonly monthLengths: number[] = [];

  constructor(
    readonly firstDay: number,
    readonly lastDay: number,
  ) {
    for (let d = firstDay; d <= lastDay; d++) this.days.push(formatDay(d));
    this.firstMonth = monthOfDay(firstDay);
    this.lastMonth = monthOfDay(lastDay);
    for (let m = this.firstMonth; m <= this.lastMonth + 1; m++) {
      this.monthStarts.push(monthStart(m));
    }
    for (let m = this.firstMonth; m <= this.lastMonth; m++) {
      this.monthLengths.push(this.monthStarts[m - this.firstMonth + 1] - this.monthStarts[m - this.firstMonth]);
    }
  }

  format(day: number): string {
    const text = this.days[day - this.firstDay];
    if (text === undefined) throw new RangeError(`Day ${day} outside the generator's calendar`);
    return text;
  }

  monthStart(month: number): number {
    return this.monthStarts[month - this.firstMonth];
  }

  monthEnd(month: number): number {
    return this.monthStarts[month - this.firstMonth + 1] - 1;
  }

  daysIn(month: number): number {
    return this.monthLengths[month - this.firstMonth];
  }

  monthOf(day: number): number {
    // Binary search over month starts; fast enough and allocation-free.
    let lo = 0;
    let hi = this.monthStarts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.monthStarts[mid] <= day) lo = mid;
      else hi = mid - 1;
    }
    return this.firstMonth + lo;
  }
}

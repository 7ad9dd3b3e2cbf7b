import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { weekdayOf } from '../../calendar/civil-date';
import { type CalendarYearData, CalendarDataError, checkYear, dayOfYear } from './year-data';

/** The file formats `importProductionCalendar` reads. */
export type ProductionCalendarFormat = 'XMLCALENDAR_XML' | 'XMLCALENDAR_JSON' | 'REGLAMENT_JSON';

/** A year file is a few KB; anything near this is not a production calendar. */
export const MAX_IMPORT_BYTES = 256 * 1024;
/** Years in one import (the product's JSON may carry several). */
export const MAX_IMPORT_YEARS = 10;
const MAX_DAY_ENTRIES = 366;

export interface ParsedCalendarFile {
  /** The country the file says it is for (xmlcalendar `country`), lower case, or null. */
  country: string | null;
  years: CalendarYearData[];
}

function refuse(message: string): never {
  throw new CalendarDataError(message);
}

/** Reads a production calendar file; refuses what cannot be read with the reason. */
export function parseCalendarFile(format: ProductionCalendarFormat, data: string): ParsedCalendarFile {
  const bytes = Buffer.byteLength(data, 'utf8');
  if (bytes > MAX_IMPORT_BYTES) {
    refuse(
      `data is ${bytes} bytes; a production calendar file is at most ${MAX_IMPORT_BYTES} bytes (a year is a few KB)`,
    );
  }
  if (data.trim().length === 0) refuse('data is empty: give the content of the calendar file');
  switch (format) {
    case 'XMLCALENDAR_XML':
      return fromXmlcalendar(readXml(data), 'xmlcalendar XML');
    case 'XMLCALENDAR_JSON':
      return fromXmlcalendar(readJson(data), 'xmlcalendar JSON');
    case 'REGLAMENT_JSON':
      return fromReglamentJson(readJson(data));
  }
}

function readJson(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch (error) {
    return refuse(`data is not valid JSON: ${(error as Error).message}`);
  }
}

function readXml(data: string): unknown {
  // No DTDs: entity declarations are how XML bombs and external-entity reads start.
  if (/<!DOCTYPE|<!ENTITY/i.test(data))
    refuse('data: DOCTYPE and ENTITY declarations are not allowed in a calendar file');
  const valid = XMLValidator.validate(data);
  if (valid !== true) {
    refuse(`data is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => name === 'day' || name === 'holiday',
  });
  const parsed = parser.parse(data) as { calendar?: unknown };
  if (typeof parsed.calendar !== 'object' || parsed.calendar === null) {
    refuse('data: the root element must be <calendar year="..."> (xmlcalendar format)');
  }
  const calendar = parsed.calendar as Record<string, unknown>;
  const days = (calendar['days'] as { day?: unknown } | undefined)?.day ?? [];
  return { ...calendar, days };
}

interface XmlcalendarDay {
  d?: unknown;
  t?: unknown;
}

/** xmlcalendar (XML or JSON): `<calendar year country><days><day d="MM.DD" t="1|2|3"/>...` */
function fromXmlcalendar(input: unknown, formatName: string): ParsedCalendarFile {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    refuse(`data: expected one ${formatName} calendar object with "year" and "days"`);
  }
  const calendar = input as Record<string, unknown>;
  const year = checkYear(Number(calendar['year']), `${formatName} calendar`);
  const country = typeof calendar['country'] === 'string' ? calendar['country'].trim().toLowerCase() : null;
  const days = calendar['days'] ?? [];
  if (!Array.isArray(days)) refuse(`${year}: "days" must be a list of {d: "MM.DD", t: 1|2|3}`);
  if (days.length > MAX_DAY_ENTRIES)
    refuse(`${year}: ${days.length} day entries; a year has at most ${MAX_DAY_ENTRIES}`);
  const seen = new Map<string, string>();
  const holidays: string[] = [];
  const workingWeekends: string[] = [];
  const shortDays: string[] = [];
  for (const raw of days as XmlcalendarDay[]) {
    const d = String(raw?.d ?? '');
    const t = String(raw?.t ?? '');
    const match = /^(\d{2})\.(\d{2})$/.exec(d);
    if (!match) refuse(`${year}: day ${JSON.stringify(d)} must be "MM.DD"`);
    const date = `${year}-${match[1]}-${match[2]}`;
    const day = dayOfYear(date, year, `${year} day d="${d}"`);
    const earlier = seen.get(d);
    if (earlier !== undefined) {
      refuse(`${year}: ${d} is listed twice (t=${earlier} and t=${t}): conflicting entries`);
    }
    seen.set(d, t);
    const weekend = weekdayOf(day) === 0 || weekdayOf(day) === 6;
    switch (t) {
      case '1':
        holidays.push(date);
        break;
      case '2':
        // A shortened weekend day is a worked weekend day (e.g. RU 2024-11-02).
        shortDays.push(date);
        if (weekend) workingWeekends.push(date);
        break;
      case '3':
        workingWeekends.push(date);
        break;
      default:
        refuse(`${year}: ${d} has t=${JSON.stringify(t)}; t is 1 (day off), 2 (shortened day) or 3 (working day)`);
    }
  }
  const date = typeof calendar['date'] === 'string' ? ` dated ${calendar['date']}` : '';
  return {
    country,
    years: [{ year, holidays, workingWeekends, shortDays, source: `${formatName}${date} (imported)` }],
  };
}

/** The product's own JSON: one year as shipped in data/production-calendar/<id>/<year>.json, or a list of them. */
function fromReglamentJson(input: unknown): ParsedCalendarFile {
  const records = Array.isArray(input) ? input : [input];
  if (records.length === 0) refuse('data: an empty list; give at least one year');
  if (records.length > MAX_IMPORT_YEARS)
    refuse(`data: ${records.length} years; at most ${MAX_IMPORT_YEARS} per import`);
  const years = records.map((raw, i): CalendarYearData => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      refuse(`data[${i}]: expected {year, holidays, workingWeekends, shortDays, source}`);
    }
    const record = raw as Record<string, unknown>;
    const year = checkYear(record['year'], `data[${i}]`);
    const list = (name: string): string[] => {
      const value = record[name] ?? [];
      if (!Array.isArray(value) || value.some((d) => typeof d !== 'string') || value.length > MAX_DAY_ENTRIES) {
        refuse(`${year}: "${name}" must be a list of at most ${MAX_DAY_ENTRIES} dates "YYYY-MM-DD"`);
      }
      return value as string[];
    };
    const sources = Array.isArray(record['sources']) ? record['sources'].filter((s) => typeof s === 'string') : [];
    const source = typeof record['source'] === 'string' ? record['source'] : sources.join('; ');
    return {
      year,
      holidays: list('holidays'),
      workingWeekends: list('workingWeekends'),
      shortDays: list('shortDays'),
      source,
    };
  });
  if (new Set(years.map((y) => y.year)).size !== years.length) refuse('data: a year is given twice');
  return { country: null, years };
}

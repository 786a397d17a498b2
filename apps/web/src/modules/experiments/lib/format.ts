import { formatFigure, type IndicatorUnit, type Language } from '@passerelle/domain';

const LOCALES: Record<string, string> = { fr: 'fr-FR', en: 'en-GB' };
const formats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(language: string, style: 'long' | 'short'): Intl.DateTimeFormat {
  const key = `${language}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language] ?? 'fr-FR', {
      // A calendar day (YYYY-MM-DD) is the same day everywhere: read and written in UTC.
      timeZone: 'UTC',
      ...(style === 'long' ? { dateStyle: 'long' } : { month: 'short', year: 'numeric' }),
    });
    formats.set(key, format);
  }
  return format;
}

/** « 12 mars 2025 » for 2025-03-12. */
export const formatDay = (day: string, language: string) =>
  dayFormat(language, 'long').format(new Date(`${day}T00:00:00Z`));

/** « mars 2025 »: the chart's axis. */
export const formatMonth = (day: string, language: string) =>
  dayFormat(language, 'short').format(new Date(`${day}T00:00:00Z`));

const asLanguage = (language: string): Language => (language === 'en' ? 'en' : 'fr');

/** A figure with its unit (the domain's wording: « 12 500 kWh », « 3,5 ETP »). */
export const formatValue = (value: number, unit: IndicatorUnit, language: string) =>
  formatFigure(value, unit, asLanguage(language));

const compact = new Map<string, Intl.NumberFormat>();

/** « 12 k »: the chart's value axis. */
export function formatCompact(value: number, language: string): string {
  let format = compact.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language] ?? 'fr-FR', {
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    compact.set(language, format);
  }
  return format.format(value);
}

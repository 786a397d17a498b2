import type { TerritoryRef } from '../graphql/schema-types';

const LOCALES: Record<string, string> = { fr: 'fr-FR', en: 'en-GB' };
const TIME_ZONE = 'Europe/Paris';

/**
 * One formatter per language and style, made on first use: building an Intl formatter loads
 * locale data and costs far more than formatting (a proposal page formats dozens of dates).
 * Times are French legal time (like the public dashboard's): the same on a page rendered by the
 * server and in the browser that takes it over (entry-server.tsx).
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: string, withTime: boolean): Intl.DateTimeFormat {
  const locale = LOCALES[language] ?? 'fr-FR';
  const key = `${locale}|${withTime ? 'datetime' : 'date'}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      withTime
        ? { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }
        : { dateStyle: 'long', timeZone: TIME_ZONE },
    );
    dateFormats.set(key, format);
  }
  return format;
}

export function formatDate(iso: string, language: string): string {
  return dateFormat(language, false).format(new Date(iso));
}

/** "Lyon (69)" for a commune, the name alone for a département or a région. */
export function territoryLabel(territory: TerritoryRef): string {
  if (territory.level === 'COMMUNE' && territory.parent?.level === 'DEPARTEMENT') {
    return `${territory.name} (${territory.parent.code})`;
  }
  if (territory.level === 'DEPARTEMENT') return `${territory.name} (${territory.code})`;
  return territory.name;
}

export function formatDateTime(iso: string, language: string): string {
  return dateFormat(language, true).format(new Date(iso));
}

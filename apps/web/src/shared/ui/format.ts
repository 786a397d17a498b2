import type { TerritoryRef } from '../graphql/schema-types';

const LOCALES: Record<string, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'fr-FR', { dateStyle: 'long' }).format(
    new Date(iso),
  );
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
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'fr-FR', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));
}

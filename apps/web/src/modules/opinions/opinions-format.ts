import type { ProposalOpinions } from '../../shared/graphql/schema-types';

const LOCALES: Record<string, string> = { fr: 'fr-FR', en: 'en-GB' };
const locale = (language: string) => LOCALES[language] ?? 'fr-FR';

/** Intl objects per locale, made on first use: building one costs far more than using it. */
const ordinalRules = new Map<string, Intl.PluralRules>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** The ordinal suffix a rank takes: 1 → "one" ("1re", "1st"), 2 → "two" ("2nd"), 3 → "few"… */
export type OrdinalCategory = 'one' | 'two' | 'few' | 'other';

export function ordinalCategory(rank: number, language: string): OrdinalCategory {
  const rules = cached(ordinalRules, locale(language), () => {
    return new Intl.PluralRules(locale(language), { type: 'ordinal' });
  });
  const category = rules.select(rank);
  return category === 'one' || category === 'two' || category === 'few' ? category : 'other';
}

/**
 * When the groups were computed, relative to `now` ("il y a 5 minutes", "hier") within a week,
 * or null when older: the caller then shows the date.
 */
export function relativeTime(iso: string, now: Date, language: string): string | null {
  const elapsed = Math.max(0, now.getTime() - new Date(iso).getTime());
  const minutes = Math.round(elapsed / 60_000);
  const format = cached(relativeFormats, locale(language), () => {
    return new Intl.RelativeTimeFormat(locale(language), { numeric: 'auto' });
  });
  if (minutes < 60) return format.format(-Math.max(1, minutes), 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 7) return format.format(-days, 'day');
  return null;
}

/**
 * Whether the proposal is worth pointing out under "Ce qui divise": among the first tenth of
 * the list (at least the first three), and with some division at all.
 */
export function isAmongMostDivisive(
  opinions: Pick<ProposalOpinions, 'divisiveRank' | 'divisiveness' | 'rankedCount'>,
): boolean {
  const cutoff = Math.max(3, Math.ceil(opinions.rankedCount / 10));
  return opinions.divisiveness > 0 && opinions.divisiveRank <= cutoff;
}

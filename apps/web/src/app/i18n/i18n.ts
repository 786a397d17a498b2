import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@passerelle/domain';
import { fr } from './fr';
import type { Messages } from './messages';

export const UI_LANGUAGES = ['fr', 'en'] as const satisfies readonly Language[];
export const DEFAULT_UI_LANGUAGE: Language = 'fr';
export const LANGUAGE_STORAGE_KEY = 'passerelle.language';

type Dictionary = Messages;

/**
 * Dictionaries already in memory. French ships with the app; English is its own chunk, fetched
 * by loadDictionary when it is the stored or chosen language, so French visitors never download it.
 */
const dictionaries: Partial<Record<Language, Dictionary>> = { fr };

/** Fetches a language's dictionary if it is not in memory yet (main.tsx, before the first render). */
export async function loadDictionary(language: Language): Promise<void> {
  if (dictionaries[language]) return;
  if (language === 'en') dictionaries.en = (await import('./en')).en;
}

/** Makes a dictionary available without fetching it (unit tests: every language up front). */
export function registerDictionary(language: Language, dictionary: Dictionary): void {
  dictionaries[language] = dictionary;
}

/** Switches the UI language, fetching its dictionary first. */
export async function changeLanguage(instance: I18n, language: Language): Promise<void> {
  await loadDictionary(language);
  const dictionary = dictionaries[language];
  if (dictionary && !instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', dictionary);
  }
  await instance.changeLanguage(language);
}

const isLanguage = (value: unknown): value is Language => UI_LANGUAGES.includes(value as Language);

/** The language chosen on a previous visit, or French. */
export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_UI_LANGUAGE;
  } catch {
    return DEFAULT_UI_LANGUAGE; // storage disabled: stay in French
  }
}

/** The current UI language of an i18next instance, narrowed to the supported ones. */
export function currentLanguage(instance: I18n): Language {
  return isLanguage(instance.resolvedLanguage) ? instance.resolvedLanguage : DEFAULT_UI_LANGUAGE;
}

/**
 * Creates the i18next instance with the dictionaries in memory (call loadDictionary first for a
 * language other than French). The language is kept in localStorage and mirrored on `<html lang>`
 * so assistive technologies read the page in the right language.
 */
export function createI18n(language: Language = storedLanguage()): I18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (lng: string) => {
    document.documentElement.lang = lng;
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
  });
  const resources = Object.fromEntries(
    Object.entries(dictionaries).map(([lng, translation]) => [lng, { translation }]),
  );
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_UI_LANGUAGE,
    supportedLngs: [...UI_LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  document.documentElement.lang = language;
  return instance;
}

import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@passerelle/domain';
import { en } from './en';
import { fr } from './fr';

export const UI_LANGUAGES = ['fr', 'en'] as const satisfies readonly Language[];
export const DEFAULT_UI_LANGUAGE: Language = 'fr';
export const LANGUAGE_STORAGE_KEY = 'passerelle.language';

export const resources = { fr: { translation: fr }, en: { translation: en } } as const;

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
 * Creates the i18next instance. The language is kept in localStorage and mirrored on
 * `<html lang>` so assistive technologies read the page in the right language.
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

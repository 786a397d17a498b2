import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@passerelle/domain';
import { frShell } from './fr-shell';
import { mergeMessages, type MessageTree, type Messages } from './messages';

export const UI_LANGUAGES = ['fr', 'en'] as const satisfies readonly Language[];
export const DEFAULT_UI_LANGUAGE: Language = 'fr';
export const LANGUAGE_STORAGE_KEY = 'passerelle.language';

type Dictionary = Messages;

/**
 * Dictionaries already in memory. The French messages of the shell and the home page ship with
 * the app (fr-shell.ts); the other French messages (fr-pages.ts) are fetched with the first page
 * or component loaded on demand (loadPageMessages). English is its own chunk, fetched whole by
 * loadDictionary when it is the stored or chosen language, so French visitors never download it.
 */
const dictionaries: Partial<Record<Language, MessageTree>> = { fr: frShell };
const completeLanguages = new Set<Language>();
/** The i18next instances made by createI18n: they get the French pages' messages when they come. */
const instances = new Set<I18n>();
let frenchPages: Promise<void> | null = null;

/** Fetches the French messages of the pages once, and adds them to every instance. */
function loadFrenchPages(): Promise<void> {
  if (completeLanguages.has('fr')) return Promise.resolve();
  frenchPages ??= import('./fr-pages').then(
    ({ frPages }) => {
      dictionaries.fr = mergeMessages(dictionaries.fr ?? {}, frPages);
      completeLanguages.add('fr');
      for (const instance of instances) {
        instance.addResourceBundle('fr', 'translation', frPages, true, true);
      }
    },
    (error: unknown) => {
      frenchPages = null; // offline: the next page tries again
      throw error;
    },
  );
  return frenchPages;
}

/**
 * Fetches a language's dictionary if it is not in memory yet (main.tsx, before the first render).
 * French is then the shell's messages only: see loadPageMessages.
 */
export async function loadDictionary(language: Language): Promise<void> {
  if (dictionaries[language]) return;
  if (language === 'en') {
    dictionaries.en = (await import('./en')).en;
    completeLanguages.add('en');
  }
}

/**
 * Makes every message a page needs available: what a page or component loaded on demand awaits
 * before it renders (lazyWithMessages). Fetches the French pages' messages when an instance shows
 * French (English is complete once loaded).
 */
export function loadPageMessages(): Promise<void> {
  const showsFrench =
    instances.size === 0 || [...instances].some((instance) => currentLanguage(instance) === 'fr');
  return showsFrench ? loadFrenchPages() : Promise.resolve();
}

/** Makes a complete dictionary available without fetching it (unit tests: every language up front). */
export function registerDictionary(language: Language, dictionary: Dictionary): void {
  dictionaries[language] = dictionary;
  completeLanguages.add(language);
}

/** Switches the UI language, fetching its dictionary (all of it) first. */
export async function changeLanguage(instance: I18n, language: Language): Promise<void> {
  await (language === 'fr' ? loadFrenchPages() : loadDictionary(language));
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
  instances.add(instance);
  instance.on('languageChanged', (lng: string) => {
    if (typeof document === 'undefined') return; // rendered on the server (entry-server.tsx)
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
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return instance;
}

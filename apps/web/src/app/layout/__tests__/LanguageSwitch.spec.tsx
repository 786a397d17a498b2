import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import { renderWithApp } from '../../../testing/render';
import { LANGUAGE_STORAGE_KEY, createI18n } from '../../i18n/i18n';
import { LanguageSwitch } from '../LanguageSwitch';

function Heading() {
  const { t } = useTranslation();
  return <h1>{t('notFound.title')}</h1>;
}

describe('LanguageSwitch', () => {
  beforeEach(() => window.localStorage.clear());

  it('starts in French and sets <html lang="fr">', () => {
    renderWithApp(<Heading />);
    expect(screen.getByRole('heading')).toHaveTextContent('Page introuvable');
    expect(document.documentElement).toHaveAttribute('lang', 'fr');
  });

  it('switches French to English: text, <html lang> and the stored choice', async () => {
    renderWithApp(
      <>
        <LanguageSwitch />
        <Heading />
      </>,
    );
    const toEnglish = screen.getByRole('button', { name: 'English' });
    expect(toEnglish).toHaveAttribute('lang', 'en');

    await userEvent.click(toEnglish);

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(screen.getByRole('button', { name: 'Français' })).toHaveAttribute('lang', 'fr');
  });

  it('restores the stored language on the next visit', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const i18n = createI18n();
    expect(i18n.language).toBe('en');
    expect(document.documentElement).toHaveAttribute('lang', 'en');
  });

  it('ignores an unsupported stored value and falls back to French', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    expect(createI18n().language).toBe('fr');
  });
});

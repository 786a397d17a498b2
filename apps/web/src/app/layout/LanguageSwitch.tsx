import { Button } from '@mantine/core';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n/i18n';

/**
 * One button naming the other language in that language ("English" on the French site).
 * Switching also refetches what is on screen: theme names and API messages are translated server-side.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const next = currentLanguage(i18n) === 'fr' ? 'en' : 'fr';

  const switchLanguage = async () => {
    await changeLanguage(i18n, next);
    await client.refetchQueries({ include: 'active' });
  };

  return (
    <Button
      variant="subtle"
      color="gray.8"
      lang={next}
      title={t('language.label')}
      onClick={() => void switchLanguage()}
    >
      {t(`language.${next}`)}
    </Button>
  );
}

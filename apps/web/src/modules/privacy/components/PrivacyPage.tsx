import { Anchor, Stack, Text, Title } from '@mantine/core';
import { DEFAULT_RETENTION } from '@passerelle/domain';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';

const SECTIONS = ['collected', 'bases', 'visible', 'retention', 'rights', 'contact'] as const;

/** `/confidentialite`: what is collected, why, who sees it, for how long, and the rights. */
export function PrivacyPage() {
  const { t } = useTranslation();
  usePageTitle(t('privacy.title'));
  return (
    <Stack maw={760} gap="lg">
      <PageTitle>{t('privacy.title')}</PageTitle>
      <Text>{t('privacy.intro')}</Text>
      {SECTIONS.map((section) => (
        <Stack component="section" gap="xs" key={section} aria-labelledby={`privacy-${section}`}>
          <Title order={2} fz="h4" id={`privacy-${section}`}>
            {t(`privacy.${section}Title`)}
          </Title>
          <Text>{t(`privacy.${section}`, { ...DEFAULT_RETENTION })}</Text>
          {section === 'rights' && (
            <Anchor component={Link} to={`${paths.profile}#mes-donnees`}>
              {t('privacy.rightsLink')}
            </Anchor>
          )}
        </Stack>
      ))}
    </Stack>
  );
}

import { Box, Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { OpenConsultations } from '../../consultations/components/OpenConsultations';
import { ProposalList } from '../../proposals/components/ProposalList';

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(undefined);
  return (
    <Stack gap="xl">
      <Box className="hero" p={{ base: 'lg', sm: 'xl' }}>
        <Stack gap="sm" maw={760}>
          <Text size="sm" fw={700} c="passerelle.8" tt="uppercase" lts={0.5}>
            {t('app.tagline')}
          </Text>
          <PageTitle fz={{ base: 26, sm: 34 }}>{t('home.title')}</PageTitle>
          <Text size="lg">{t('home.intro')}</Text>
        </Stack>
      </Box>
      <OpenConsultations />
      <ProposalList
        title={t('home.latestProposals')}
        headingId="latest-proposals"
        variables={{ orderBy: 'NEWEST' }}
      />
      <div>
        <Button component={Link} to={paths.proposals} variant="light">
          {t('home.allProposals')}
        </Button>
      </div>
    </Stack>
  );
}

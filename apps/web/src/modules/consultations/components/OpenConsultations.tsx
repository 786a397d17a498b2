import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { CONSULTATIONS_QUERY } from '../graphql/consultations.documents';
import { ScopeBadge } from './ScopeBadge';

/** The consultations that have at least one open phase. */
export function OpenConsultations() {
  const { t } = useTranslation();
  const { data, loading } = useQuery(CONSULTATIONS_QUERY);
  const open = (data?.consultations ?? []).filter(
    (consultation) => consultation.openPhases.length > 0,
  );

  return (
    <Stack component="section" gap="md" aria-labelledby="open-consultations">
      <Title order={2} id="open-consultations">
        {t('home.openConsultations')}
      </Title>
      {loading && !data && <LoadingState />}
      {data && open.length === 0 && <Text>{t('home.noOpenConsultation')}</Text>}
      {open.map((consultation) => (
        <Card key={consultation.id} component="article" withBorder radius="md" padding="lg">
          <Stack gap="sm">
            <Title order={3} fz="h3">
              {consultation.title}
            </Title>
            <div>
              <ScopeBadge consultation={consultation} />
            </div>
            <Text className="preserve-lines">{consultation.description}</Text>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={700} c="gray.7">
                {t('home.openPhases')}
              </Text>
              <Group
                component="ul"
                gap={6}
                className="plain-list"
                aria-label={t('home.openPhases')}
              >
                {consultation.openPhases.map((phase) => (
                  <li key={phase}>
                    <Badge color="ochre" variant="light" radius="sm" tt="none" size="md">
                      {t(`phase.${phase}`)}
                    </Badge>
                  </li>
                ))}
              </Group>
            </Group>
            {consultation.openPhases.includes('PROPOSING') && (
              <div>
                <Button component={Link} to={paths.submit}>
                  {t('home.submitCta')}
                </Button>
              </div>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

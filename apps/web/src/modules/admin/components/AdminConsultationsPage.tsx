import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import type { AdminConsultation } from '../../../shared/graphql/schema-types';
import { territoryLabel } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { ADMIN_CONSULTATIONS_QUERY } from '../graphql/admin.documents';
import { ADMIN_CONSULTATION_ORGANISATIONS_QUERY } from '../graphql/local-moderators.documents';

function ConsultationRow({
  consultation,
  organisationName,
}: {
  consultation: AdminConsultation;
  /** The organisation carrying it, for a local space. */
  organisationName?: string;
}) {
  const { t } = useTranslation();
  const headingId = `admin-consultation-${consultation.id}`;
  return (
    <Card component="article" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {consultation.title}
        </Title>
        <Text size="sm">
          <Text span fw={700}>
            {t('admin.consultations.scope')} :{' '}
          </Text>
          {consultation.territory
            ? territoryLabel(consultation.territory)
            : organisationName
              ? t('localSpaces.localUnnamed')
              : t('admin.consultations.national')}
        </Text>
        {organisationName && (
          <Text size="sm">
            <Text span fw={700}>
              {t('localModerators.carriedBy')} :{' '}
            </Text>
            {organisationName}
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={700}>
            {t('admin.consultations.openPhases')} :
          </Text>
          {consultation.openPhases.length === 0 ? (
            <Text size="sm">{t('admin.consultations.noOpenPhase')}</Text>
          ) : (
            consultation.openPhases.map((kind) => (
              <Badge key={kind} variant="light">
                {t(`phase.${kind}`)}
              </Badge>
            ))
          )}
        </Group>
        <Group>
          <Button
            component={Link}
            to={paths.editConsultation(consultation.slug)}
            variant="light"
            aria-label={t('admin.consultations.editLabel', { title: consultation.title })}
          >
            {t('admin.consultations.edit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Every consultation, newest first, with a link to edit each and one to create another. */
export function AdminConsultationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.consultations.pageTitle'));
  const { data, error, loading } = useQuery(ADMIN_CONSULTATIONS_QUERY, {
    fetchPolicy: 'cache-and-network',
  });
  const consultations = data?.consultations ?? [];
  const carriers = useQuery(ADMIN_CONSULTATION_ORGANISATIONS_QUERY, {
    fetchPolicy: 'cache-and-network',
  });
  const organisationOf = new Map(
    (carriers.data?.consultations ?? []).map((c) => [c.id, c.organisation?.name]),
  );
  // After a save: the layout announces it; it is shown here too (not announced twice).
  const saved = (useLocation().state as { announce?: string } | null)?.announce;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" wrap="wrap">
        <PageTitle>{t('admin.consultations.pageTitle')}</PageTitle>
        <Button component={Link} to={paths.newConsultation}>
          {t('admin.consultations.new')}
        </Button>
      </Group>
      {saved && (
        <Alert color="teal" variant="light">
          {saved}
        </Alert>
      )}
      {error && !data ? (
        <Alert color="red" role="alert">
          {errorMessage(error, t)}
        </Alert>
      ) : loading && !data ? (
        <LoadingState />
      ) : consultations.length === 0 ? (
        <Text>{t('admin.consultations.empty')}</Text>
      ) : (
        <>
          <Text c="gray.7">{t('admin.consultations.count', { count: consultations.length })}</Text>
          <Stack gap="md">
            {consultations.map((consultation) => (
              <ConsultationRow
                key={consultation.id}
                consultation={consultation}
                organisationName={organisationOf.get(consultation.id)}
              />
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

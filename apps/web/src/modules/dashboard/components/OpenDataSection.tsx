import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import { DASHBOARD_CONSULTATIONS_QUERY } from '../graphql/dashboard.documents';
import {
  OPEN_DATA_DATASETS,
  OPEN_DATA_FORMATS,
  OPEN_DATA_LICENCE_URL,
  OPEN_DATA_MIME_TYPES,
  openDataUrl,
} from '../lib/open-data';

const HEADING_ID = 'dashboard-open-data';

/**
 * "Données ouvertes": download links (CSV and JSON) for the proposals, comments and amendments of
 * the consultation chosen in the filters, or of every consultation when none is. The list comes
 * from the filters' query, so it is read from the Apollo cache. Each link's accessible name says
 * which file, which consultation and which format; its visible text is the format only.
 */
export function OpenDataSection({ consultationId }: { consultationId: string | null }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(DASHBOARD_CONSULTATIONS_QUERY);
  const consultations = data?.consultations ?? [];
  const chosen = consultations.filter((consultation) => consultation.id === consultationId);
  // A consultation from the URL that is not in the list (unknown, or still loading): show them all.
  const listed = chosen.length > 0 ? chosen : consultations;

  return (
    <section aria-labelledby={HEADING_ID}>
      <Title order={2} id={HEADING_ID} mb="sm">
        {t('dashboard.openData.heading')}
      </Title>
      <Stack gap="md">
        <Stack gap={4}>
          <Text>{t('dashboard.openData.intro')}</Text>
          <Text>
            {t('dashboard.openData.licence')}{' '}
            <Anchor href={OPEN_DATA_LICENCE_URL} underline="always">
              {t('dashboard.openData.licenceName')}
            </Anchor>
          </Text>
        </Stack>
        {error && !data ? (
          <Text c="red.8">{errorMessage(error, t)}</Text>
        ) : data && listed.length === 0 ? (
          <Text>{t('dashboard.openData.empty')}</Text>
        ) : (
          listed.map((consultation) => (
            <Stack key={consultation.id} gap="xs">
              <Title order={3} size="h4">
                {consultation.title}
              </Title>
              <Stack component="ul" gap="xs" className="plain-list">
                {OPEN_DATA_DATASETS.map((dataset) => {
                  const name = t(`dashboard.openData.datasets.${dataset}.name`);
                  return (
                    <Group
                      key={dataset}
                      component="li"
                      justify="space-between"
                      gap="xs"
                      wrap="nowrap"
                      align="flex-start"
                    >
                      <div>
                        <Text fw={500}>{name}</Text>
                        <Text size="sm" c="gray.7">
                          {t(`dashboard.openData.datasets.${dataset}.description`)}
                        </Text>
                      </div>
                      <Group gap="md" wrap="nowrap">
                        {OPEN_DATA_FORMATS.map((format) => {
                          const formatName = format.toUpperCase();
                          return (
                            <Anchor
                              key={format}
                              href={openDataUrl(consultation.slug, dataset, format)}
                              download
                              type={OPEN_DATA_MIME_TYPES[format]}
                              underline="always"
                              display="inline-block"
                              py={4}
                              aria-label={t('dashboard.openData.download', {
                                dataset: name,
                                title: consultation.title,
                                format: formatName,
                              })}
                            >
                              {formatName}
                            </Anchor>
                          );
                        })}
                      </Group>
                    </Group>
                  );
                })}
              </Stack>
            </Stack>
          ))
        )}
      </Stack>
    </section>
  );
}

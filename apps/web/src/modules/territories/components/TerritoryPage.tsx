import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage, errorCode } from '../../../shared/graphql/errors';
import { territoryLabel } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { NotFoundPage } from '../../../shared/ui/NotFoundPage';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { ProposalList } from '../../proposals/components/ProposalList';
import { TERRITORY_PAGE_QUERY } from '../graphql/territories.documents';

/** The proposals of a commune, a département (with its communes) or a région. */
export function TerritoryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, loading } = useQuery(TERRITORY_PAGE_QUERY, { variables: { id } });
  const territory = data?.territory;
  const isNotFound = !loading && !territory && errorCode(error) === 'NOT_FOUND';
  usePageTitle(territory ? territoryLabel(territory) : isNotFound ? null : t('app.loading'));

  if (loading && !territory) return <LoadingState />;
  if (isNotFound) return <NotFoundPage message={t('territoryPage.notFound')} />;
  if (!territory) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(error, t)}
      </Alert>
    );
  }

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="outline" radius="sm" tt="none">
            {t(`territoryLevel.${territory.level}`)}
          </Badge>
          <Text size="sm" c="gray.7">
            {t('territoryPage.code', { code: territory.code })}
          </Text>
        </Group>
        <PageTitle>{territoryLabel(territory)}</PageTitle>
        {territory.parent && (
          <Text>
            {t('territoryPage.partOf')}{' '}
            <Anchor component={Link} to={paths.territory(territory.parent.id)}>
              {territoryLabel(territory.parent)}
            </Anchor>
          </Text>
        )}
        {territory.level !== 'COMMUNE' && <Text c="gray.7">{t('territoryPage.includes')}</Text>}
      </Stack>
      <ProposalList
        title={t('territoryPage.proposals')}
        headingId="territory-proposals"
        variables={{ filter: { territoryId: territory.id }, orderBy: 'TOP' }}
        emptyText={t('territoryPage.noProposals')}
      />
      {territory.children.length > 0 && (
        <Stack component="section" gap="xs" aria-labelledby="territory-children">
          <Title order={2} fz="h4" id="territory-children">
            {t('territoryPage.children', { count: territory.children.length })}
          </Title>
          <Group component="ul" gap="xs" className="plain-list">
            {territory.children.map((child) => (
              <li key={child.id}>
                <Anchor component={Link} to={paths.territory(child.id)} size="sm">
                  {territoryLabel(child)}
                </Anchor>
              </li>
            ))}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

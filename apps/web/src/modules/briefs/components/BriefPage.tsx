import { useEffect } from 'react';
import { Alert, Anchor, Button, Card, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorCode, errorMessage } from '../../../shared/graphql/errors';
import type { BriefVersion, BriefVersionSummary } from '../../../shared/graphql/schema-types';
import { formatDate } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { NotFoundPage } from '../../../shared/ui/NotFoundPage';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { briefDiffPath } from '../brief-diff-path';
import { PUBLISHED_BRIEF_QUERY, PUBLISHED_BRIEF_VERSION_QUERY } from '../graphql/briefs.documents';
import { BriefExports } from './BriefExports';
import { BriefVersionView } from './BriefVersionView';

interface Loaded {
  slug: string;
  publishedVersion: number;
  versions: BriefVersionSummary[];
  version: BriefVersion | null;
}

function VersionList({ brief, shown }: { brief: Loaded; shown: number }) {
  const { t, i18n } = useTranslation();
  return (
    <Card component="section" withBorder radius="md" padding="md" aria-labelledby="brief-versions">
      <Stack gap="xs">
        <Title order={2} fz="h4" id="brief-versions">
          {t('briefs.versions')}
        </Title>
        <Stack component="ul" gap={4} p={0} m={0} className="plain-list">
          {brief.versions.map((version, index) => {
            const previous = brief.versions[index + 1] as BriefVersionSummary | undefined;
            const label = t('briefs.versionPublishedOn', {
              number: version.number,
              date: formatDate(version.publishedAt, i18n.language),
            });
            const isCurrent = version.number === brief.publishedVersion;
            return (
              <Text component="li" size="sm" key={version.number}>
                {version.number === shown ? (
                  <span aria-current="page">{label}</span>
                ) : (
                  <Anchor component={Link} to={paths.briefVersion(brief.slug, version.number)}>
                    {label}
                  </Anchor>
                )}
                {isCurrent && ` ${t('briefs.current')}`}
                {previous && (
                  <>
                    {' · '}
                    <Anchor
                      component={Link}
                      to={briefDiffPath(brief.slug, previous.number, version.number)}
                    >
                      {t('briefs.diff.compareWithPrevious')}
                      <VisuallyHidden component="span">
                        {t('briefs.diff.compareWhich', {
                          number: version.number,
                          previous: previous.number,
                        })}
                      </VisuallyHidden>
                    </Anchor>
                  </>
                )}
              </Text>
            );
          })}
        </Stack>
      </Stack>
    </Card>
  );
}

/** Scrolls to the section named in the address (#section-n); called once the text is shown. */
function useScrollToHash() {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);
}

function BriefContent({ brief, isCurrent }: { brief: Loaded; isCurrent: boolean }) {
  const { t, i18n } = useTranslation();
  const version = brief.version as BriefVersion;
  useScrollToHash();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.briefs} size="sm" fw={600}>
        ← {t('briefs.back')}
      </Anchor>
      <Stack gap="xs" component="header">
        <PageTitle fz={{ base: 26, sm: 34 }}>{version.title}</PageTitle>
        <Text size="sm" c="gray.7">
          <time dateTime={version.publishedAt}>
            {t('briefs.versionPublishedOn', {
              number: version.number,
              date: formatDate(version.publishedAt, i18n.language),
            })}
          </time>
        </Text>
        {!isCurrent && (
          <Alert color="ochre" variant="light">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {t('briefs.olderVersion', {
                  number: version.number,
                  current: brief.publishedVersion,
                })}
              </Text>
              <Button component={Link} to={paths.brief(brief.slug)} size="xs" variant="light">
                {t('briefs.readCurrent')}
              </Button>
            </Stack>
          </Alert>
        )}
      </Stack>
      <BriefExports slug={brief.slug} version={version.number} />
      <BriefVersionView version={version} />
      <VersionList brief={brief} shown={version.number} />
    </Stack>
  );
}

function useBrief(slug: string, number: number | null) {
  const current = useQuery(PUBLISHED_BRIEF_QUERY, { variables: { slug }, skip: number !== null });
  const older = useQuery(PUBLISHED_BRIEF_VERSION_QUERY, {
    variables: { slug, number: number ?? 0 },
    skip: number === null,
  });
  if (number === null) {
    const brief = current.data?.publishedBrief;
    return {
      loading: current.loading,
      error: current.error,
      brief: brief ? { ...brief, version: brief.currentVersion } : undefined,
    };
  }
  return { loading: older.loading, error: older.error, brief: older.data?.publishedBrief };
}

/**
 * A published brief: the current version (or version n under /versions/n), each section with
 * its synthesis and sources, the dissent note, the annex table and the list of versions.
 */
export function BriefPage() {
  const { t } = useTranslation();
  const { slug = '', number: numberParam } = useParams();
  const number = numberParam === undefined ? null : Number(numberParam);
  const isValidNumber = number === null || (Number.isInteger(number) && number > 0);
  const { brief, error, loading } = useBrief(slug, isValidNumber ? number : null);
  const isNotFound =
    !isValidNumber ||
    (!loading &&
      (brief
        ? !brief.version
        : !error || ['NOT_FOUND', 'BAD_USER_INPUT'].includes(errorCode(error) ?? '')));
  usePageTitle(
    isNotFound
      ? t('notFound.title')
      : brief?.version
        ? brief.version.title
        : error
          ? t('errors.generic')
          : t('app.loading'),
  );

  if (isNotFound) {
    return <NotFoundPage message={brief ? t('briefs.versionNotFound') : t('briefs.notFound')} />;
  }
  if (loading && !brief) return <LoadingState />;
  if (!brief?.version) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(error, t)}
      </Alert>
    );
  }
  return (
    <BriefContent
      brief={brief}
      isCurrent={number === null || brief.version.number === brief.publishedVersion}
    />
  );
}

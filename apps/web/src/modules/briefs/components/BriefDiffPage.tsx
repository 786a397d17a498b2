import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorCode, errorMessage, serverFieldErrors } from '../../../shared/graphql/errors';
import type {
  BriefCitationChange,
  BriefFiguresChange,
  BriefSectionDiff,
  BriefVersionDiff,
  BriefVersionSummary,
  SectionChangeStatus,
} from '../../../shared/graphql/schema-types';
import { formatDate } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { NotFoundPage } from '../../../shared/ui/NotFoundPage';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { briefDiffPath } from '../brief-diff-path';
import {
  BRIEF_VERSION_DIFF_QUERY,
  PUBLISHED_BRIEF_VERSIONS_QUERY,
  type BriefVersionsView,
} from '../graphql/briefs-diff.documents';
import { Added, DiffText, isChanged, newerText, Removed } from './DiffText';
import { ScrollableTable } from '../../../shared/ui/ScrollableTable';

// Dark text on a pale background (above 7:1): the status is also written out in words.
const STATUS_STYLE: Record<SectionChangeStatus, { color: string; backgroundColor: string }> = {
  ADDED: { color: '#14532d', backgroundColor: '#e3f5e8' },
  REMOVED: { color: '#7f1d1d', backgroundColor: '#fdecec' },
  CHANGED: { color: '#5c3b00', backgroundColor: '#fdf3dc' },
  UNCHANGED: { color: '#343a40', backgroundColor: '#f1f3f5' },
};

/** The status of a section, in words. */
function StatusTag({ status }: { status: SectionChangeStatus }) {
  const { t } = useTranslation();
  return (
    <Text
      component="span"
      size="sm"
      fw={700}
      px={8}
      py={2}
      style={{ ...STATUS_STYLE[status], border: '1px solid currentColor', borderRadius: 4 }}
    >
      {t(`briefs.diff.status.${status}`)}
    </Text>
  );
}

/** A version number from the address: a whole number from 1, or null. */
function versionParam(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 ? number : null;
}

/** The versions to compare: those in the address, else the one before the current and the current. */
function chosenVersions(
  brief: BriefVersionsView,
  from: number | null,
  to: number | null,
): { from: number; to: number } | null {
  if (from !== null && to !== null) return { from, to };
  const previous = brief.versions
    .map((version) => version.number)
    .filter((number) => number < brief.publishedVersion)
    .sort((a, b) => b - a)[0];
  return previous === undefined ? null : { from: previous, to: brief.publishedVersion };
}

function VersionPicker({
  brief,
  from,
  to,
}: {
  brief: BriefVersionsView;
  from: number;
  to: number;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [choice, setChoice] = useState({ from: String(from), to: String(to) });
  const options = brief.versions.map((version: BriefVersionSummary) => ({
    value: String(version.number),
    label: t('briefs.diff.option', {
      number: version.number,
      date: formatDate(version.publishedAt, i18n.language),
    }),
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(briefDiffPath(brief.slug, Number(choice.from), Number(choice.to)));
  };
  return (
    <Card component="form" withBorder radius="md" padding="md" onSubmit={submit}>
      <Stack gap="sm">
        <Title order={2} fz="h4">
          {t('briefs.diff.choose')}
        </Title>
        <Group align="flex-end" gap="md" wrap="wrap">
          <NativeSelect
            label={t('briefs.diff.from')}
            data={options}
            value={choice.from}
            onChange={(event) => setChoice({ ...choice, from: event.currentTarget.value })}
          />
          <NativeSelect
            label={t('briefs.diff.to')}
            data={options}
            value={choice.to}
            onChange={(event) => setChoice({ ...choice, to: event.currentTarget.value })}
          />
          <Button type="submit">{t('briefs.diff.compare')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Text size="sm" aria-hidden>
      {t('briefs.diff.legend')} <Removed>{t('briefs.diff.legendRemoved')}</Removed>{' '}
      <Added>{t('briefs.diff.legendAdded')}</Added>
    </Text>
  );
}

function citationLink(citation: BriefCitationChange): string {
  const proposal = paths.proposal(citation.sourceProposalId);
  return citation.commentId ? `${proposal}#commentaire-${citation.commentId}` : proposal;
}

function CitationList({ title, citations }: { title: string; citations: BriefCitationChange[] }) {
  const { t } = useTranslation();
  if (citations.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={4} fz="h6">
        {title}
      </Title>
      <Stack component="ul" gap={4} m={0} pl="md">
        {citations.map((citation) => (
          <Text component="li" size="sm" key={citation.commentId ?? citation.proposalId}>
            <Anchor component={Link} to={citationLink(citation)}>
              {citation.proposalId
                ? t('briefs.citedProposal', { title: citation.proposalTitle })
                : t('briefs.citedComment', { title: citation.proposalTitle })}
            </Anchor>
            {citation.quote && ` — « ${citation.quote} »`}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}

function SectionBody({ section }: { section: BriefSectionDiff }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {/* An added or removed section's title is its heading already. */}
      {section.status === 'CHANGED' && isChanged(section.title) && (
        <Stack gap={2}>
          <Text size="sm" fw={700}>
            {t('briefs.diff.titleLabel')}
          </Text>
          <DiffText parts={section.title} />
        </Stack>
      )}
      {section.synthesis.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={700}>
            {t('briefs.diff.synthesis')}
          </Text>
          <DiffText parts={section.synthesis} />
        </Stack>
      )}
      {section.dissentNote.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={700}>
            {t('briefs.diff.dissent')}
          </Text>
          <DiffText parts={section.dissentNote} />
        </Stack>
      )}
      <CitationList title={t('briefs.diff.citationsAdded')} citations={section.citationsAdded} />
      <CitationList
        title={t('briefs.diff.citationsRemoved')}
        citations={section.citationsRemoved}
      />
    </Stack>
  );
}

function SectionDiff({ section, diff }: { section: BriefSectionDiff; diff: BriefVersionDiff }) {
  const { t } = useTranslation();
  const isRemoved = section.status === 'REMOVED';
  const position = (isRemoved ? section.fromPosition : section.toPosition) as number;
  const title = isRemoved
    ? section.title.map((part) => part.text).join('')
    : newerText(section.title);
  const heading = t('briefs.diff.section', { number: position + 1, title });
  const wasElsewhere =
    section.fromPosition !== null && (isRemoved || section.fromPosition !== section.toPosition);
  const was = wasElsewhere
    ? ` (${t('briefs.diff.wasSection', {
        number: (section.fromPosition as number) + 1,
        version: diff.from.number,
      })})`
    : '';
  if (section.status === 'UNCHANGED') {
    return (
      <Card component="li" withBorder radius="sm" padding="sm">
        <details>
          <summary>
            <Text component="span" fw={600}>
              {heading}
              {was}
            </Text>{' '}
            <StatusTag status="UNCHANGED" />
          </summary>
          <Stack pt="sm">
            <SectionBody section={section} />
          </Stack>
        </details>
      </Card>
    );
  }
  const id = `diff-section-${isRemoved ? 'from' : 'to'}-${position + 1}`;
  return (
    <Card component="li" withBorder radius="sm" padding="md">
      <Stack component="section" gap="sm" aria-labelledby={id}>
        <Group gap="sm" wrap="wrap">
          <Title order={3} fz="h4" id={id}>
            {heading}
            {was}
          </Title>
          <StatusTag status={section.status} />
        </Group>
        <SectionBody section={section} />
      </Stack>
    </Card>
  );
}

function FigureCell({ before, after }: { before: number; after: number }) {
  const { t } = useTranslation();
  if (before === after) {
    return (
      <Table.Td>
        {after} <VisuallyHidden component="span">({t('briefs.diff.same')})</VisuallyHidden>
      </Table.Td>
    );
  }
  const delta = after - before;
  return (
    <Table.Td>
      {before}
      <span aria-hidden> → </span>
      <VisuallyHidden component="span"> {t('briefs.diff.then')} </VisuallyHidden>
      <strong>{after}</strong> ({delta > 0 ? `+${delta}` : `−${-delta}`})
    </Table.Td>
  );
}

function FiguresTable({ diff }: { diff: BriefVersionDiff }) {
  const { t } = useTranslation();
  return (
    <Stack component="section" gap="sm" aria-labelledby="diff-figures">
      <Title order={2} fz="h3" id="diff-figures">
        {t('briefs.diff.figuresTitle')}
      </Title>
      {diff.figures.length === 0 ? (
        <Text>{t('briefs.diff.figuresEmpty')}</Text>
      ) : (
        <ScrollableTable
          minWidth={520}
          label={t('briefs.diff.figuresCaption', { from: diff.from.number, to: diff.to.number })}
        >
          <Table withTableBorder striped captionSide="top" verticalSpacing="xs">
            <Table.Caption>
              {t('briefs.diff.figuresCaption', { from: diff.from.number, to: diff.to.number })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('briefs.columns.title')}</Table.Th>
                <Table.Th scope="col">{t('briefs.columns.for')}</Table.Th>
                <Table.Th scope="col">{t('briefs.columns.against')}</Table.Th>
                <Table.Th scope="col">{t('briefs.columns.neutral')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {diff.figures.map((row: BriefFiguresChange) => (
                <Table.Tr key={row.proposalId}>
                  <Table.Th scope="row" fw={600}>
                    <Anchor component={Link} to={paths.proposal(row.proposalId)}>
                      {row.title}
                    </Anchor>
                  </Table.Th>
                  <FigureCell before={row.before.votesFor} after={row.after.votesFor} />
                  <FigureCell before={row.before.votesAgainst} after={row.after.votesAgainst} />
                  <FigureCell before={row.before.votesNeutral} after={row.after.votesNeutral} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
      )}
    </Stack>
  );
}

function DiffContent({ diff }: { diff: BriefVersionDiff }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="lg">
      <Text>
        {t('briefs.diff.comparing', {
          from: diff.from.number,
          fromDate: formatDate(diff.from.publishedAt, i18n.language),
          to: diff.to.number,
          toDate: formatDate(diff.to.publishedAt, i18n.language),
        })}
      </Text>
      <Legend />
      {!diff.hasChanges && (
        <Alert color="gray" variant="light">
          {t('briefs.diff.noChanges')}
        </Alert>
      )}
      {isChanged(diff.title) && (
        <Stack component="section" gap="xs" aria-labelledby="diff-title">
          <Title order={2} fz="h3" id="diff-title">
            {t('briefs.diff.titleLabel')}
          </Title>
          <DiffText parts={diff.title} />
        </Stack>
      )}
      {isChanged(diff.introduction) && (
        <Stack component="section" gap="xs" aria-labelledby="diff-introduction">
          <Title order={2} fz="h3" id="diff-introduction">
            {t('briefs.diff.introduction')}
          </Title>
          <DiffText parts={diff.introduction} />
        </Stack>
      )}
      {diff.sections.length > 0 && (
        <Stack gap="sm">
          <Title order={2} fz="h3">
            {t('briefs.diff.sectionsTitle')}
          </Title>
          <Stack component="ol" gap="sm" p={0} m={0} className="plain-list">
            {diff.sections.map((section) => (
              <SectionDiff
                key={`${section.fromPosition}-${section.toPosition}`}
                section={section}
                diff={diff}
              />
            ))}
          </Stack>
        </Stack>
      )}
      <FiguresTable diff={diff} />
    </Stack>
  );
}

function DiffResult({ slug, from, to }: { slug: string; from: number; to: number }) {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(BRIEF_VERSION_DIFF_QUERY, {
    variables: { slug, from, to },
  });
  if (loading && !data) return <LoadingState />;
  if (!data) {
    const fields = serverFieldErrors(error);
    return (
      <Alert color="red" role="alert">
        {fields.length > 0
          ? fields.map((field) => field.message).join(' ')
          : errorMessage(error, t)}
      </Alert>
    );
  }
  return <DiffContent diff={data.briefVersionDiff} />;
}

/**
 * The public comparison of two published versions of a brief (`?de=<n>&a=<m>`, by default the
 * previous version and the current one): word diffs of the text, sections added, removed,
 * changed or unchanged (collapsed), sources gained or lost, and how the frozen votes moved.
 */
export function BriefDiffPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const [search] = useSearchParams();
  const { data, error, loading } = useQuery(PUBLISHED_BRIEF_VERSIONS_QUERY, {
    variables: { slug },
  });
  const brief = data?.publishedBrief;
  const isNotFound = !loading && !brief && (!error || errorCode(error) === 'NOT_FOUND');
  usePageTitle(
    isNotFound
      ? t('notFound.title')
      : brief
        ? `${t('briefs.diff.title')} — ${brief.title}`
        : error
          ? t('errors.generic')
          : t('app.loading'),
  );

  if (isNotFound) return <NotFoundPage message={t('briefs.notFound')} />;
  if (loading && !brief) return <LoadingState />;
  if (!brief) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(error, t)}
      </Alert>
    );
  }
  const chosen = chosenVersions(
    brief,
    versionParam(search.get('de')),
    versionParam(search.get('a')),
  );
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.brief(brief.slug)} size="sm" fw={600}>
        ← {t('briefs.diff.back')}
      </Anchor>
      <Stack gap="xs" component="header">
        <PageTitle fz={{ base: 26, sm: 34 }}>{t('briefs.diff.title')}</PageTitle>
        <Text size="lg" fw={600}>
          {brief.title}
        </Text>
        <Text c="gray.7">{t('briefs.diff.intro')}</Text>
      </Stack>
      {!chosen ? (
        <Alert color="gray" variant="light">
          {t('briefs.diff.onlyOneVersion')}
        </Alert>
      ) : (
        <>
          <VersionPicker
            key={`${chosen.from}-${chosen.to}`}
            brief={brief}
            from={chosen.from}
            to={chosen.to}
          />
          {chosen.from === chosen.to ? (
            <Alert color="ochre" variant="light" role="alert">
              {t('briefs.diff.sameVersion')}
            </Alert>
          ) : (
            <DiffResult slug={brief.slug} from={chosen.from} to={chosen.to} />
          )}
        </>
      )}
    </Stack>
  );
}

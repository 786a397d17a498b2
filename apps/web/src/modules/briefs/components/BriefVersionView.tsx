import { Anchor, Blockquote, Card, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import type {
  BriefAnnexRow,
  BriefVersion,
  BriefVersionCitation,
  BriefVersionSection,
  FrozenVoteFigures,
} from '../../../shared/graphql/schema-types';
import { VoteCounts } from '../../proposals/components/VoteCounts';
import { ScrollableTable } from '../../../shared/ui/ScrollableTable';
import {
  BriefEvidenceAnnex,
  CitationEvidence,
  EvidenceProvider,
  ProvenanceText,
} from './BriefEvidenceAnnex';

/** The id of a section's heading, for links to it (position is 0-based, the anchor 1-based). */
export const sectionAnchor = (position: number) => `section-${position + 1}`;

function Figures({ figures }: { figures: FrozenVoteFigures }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} c="gray.7">
        {t('briefs.figuresAtPublication')}
      </Text>
      <VoteCounts
        votesFor={figures.votesFor}
        votesAgainst={figures.votesAgainst}
        votesNeutral={figures.votesNeutral}
      />
      {figures.colleges.length > 0 && (
        <details>
          <summary>
            <Text component="span" size="sm">
              {t('briefs.collegeFigures')}
            </Text>
          </summary>
          <ul className="plain-list">
            {figures.colleges.map((college) => (
              <Text component="li" size="sm" key={college.actorType}>
                {t('briefs.collegeRow', {
                  college: t(`actorType.${college.actorType}`),
                  for: college.votesFor,
                  against: college.votesAgainst,
                  neutral: college.votesNeutral,
                })}
              </Text>
            ))}
          </ul>
        </details>
      )}
    </Stack>
  );
}

function Citation({ citation }: { citation: BriefVersionCitation }) {
  const { t } = useTranslation();
  const label = citation.proposalId
    ? t('briefs.citedProposal', { title: citation.proposalTitle })
    : t('briefs.citedComment', { title: citation.proposalTitle });
  return (
    <Card component="li" withBorder radius="sm" padding="sm">
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {citation.proposalId ? (
            <Anchor component={Link} to={paths.proposal(citation.proposalId)}>
              {label}
            </Anchor>
          ) : (
            label
          )}
        </Text>
        {citation.quote && (
          <Blockquote p="xs" radius="sm" color="gray.6" fz="sm" fs="italic">
            « {citation.quote} »
          </Blockquote>
        )}
        {citation.figures && <Figures figures={citation.figures} />}
        {citation.proposalId && <CitationEvidence proposalId={citation.proposalId} />}
      </Stack>
    </Card>
  );
}

function Section({ section }: { section: BriefVersionSection }) {
  const { t } = useTranslation();
  const anchor = sectionAnchor(section.position);
  return (
    <Stack component="section" gap="sm" aria-labelledby={anchor}>
      <Title order={2} fz="h3" id={anchor}>
        {t('briefs.sectionNumber', { number: section.position + 1 })}
        {' — '}
        {section.title}
      </Title>
      {/* synthesisHtml is rendered from Markdown and sanitised by the API (renderMarkdown with an
          allow-list), like the proposal body: safe to insert as HTML. */}
      <div className="markdown-body" dangerouslySetInnerHTML={{ __html: section.synthesisHtml }} />
      {section.citations.length > 0 && (
        <Stack gap="xs">
          <Title order={3} fz="h5">
            {t('briefs.sources')}
          </Title>
          <Stack component="ul" gap="xs" p={0} m={0} className="plain-list">
            {section.citations.map((citation) => (
              <Citation key={citation.position} citation={citation} />
            ))}
          </Stack>
        </Stack>
      )}
      {section.dissentNote && (
        <Stack gap={4}>
          <Title order={3} fz="h5">
            {t('briefs.dissent')}
          </Title>
          <Text className="preserve-lines">{section.dissentNote}</Text>
        </Stack>
      )}
    </Stack>
  );
}

function AnnexTable({ rows }: { rows: BriefAnnexRow[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="section" gap="sm" aria-labelledby="brief-annex">
      <Title order={2} fz="h3" id="brief-annex">
        {t('briefs.annexTitle')}
      </Title>
      {rows.length === 0 ? (
        <Text>{t('briefs.annexEmpty')}</Text>
      ) : (
        <ScrollableTable minWidth={840} label={t('briefs.annexCaption')}>
          <Table withTableBorder striped captionSide="top" verticalSpacing="xs">
            <Table.Caption>{t('briefs.annexCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('briefs.columns.title')}</Table.Th>
                <Table.Th scope="col">{t('briefs.columns.territory')}</Table.Th>
                <Table.Th scope="col">{t('evidence.provenance')}</Table.Th>
                <Table.Th scope="col">{t('briefs.columns.college')}</Table.Th>
                <Table.Th scope="col">{t('briefs.columns.for')}</Table.Th>
                <Table.Th scope="col">{t('briefs.columns.against')}</Table.Th>
                <Table.Th scope="col">{t('briefs.columns.neutral')}</Table.Th>
                <Table.Th scope="col">{t('briefs.columns.sections')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.proposalId}>
                  <Table.Th scope="row" fw={600}>
                    <Anchor component={Link} to={paths.proposal(row.proposalId)}>
                      {row.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{row.territoryName}</Table.Td>
                  <Table.Td>
                    <ProvenanceText provenance={row.provenance} />
                  </Table.Td>
                  <Table.Td>{t(`actorType.${row.authorActorType}`)}</Table.Td>
                  <Table.Td>{row.figures.votesFor}</Table.Td>
                  <Table.Td>{row.figures.votesAgainst}</Table.Td>
                  <Table.Td>{row.figures.votesNeutral}</Table.Td>
                  <Table.Td>
                    {row.sectionPositions.map((position, index) => (
                      <span key={position}>
                        {index > 0 && ', '}
                        <Anchor href={`#${sectionAnchor(position)}`}>{position + 1}</Anchor>
                      </span>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
      )}
    </Stack>
  );
}

/** One published version: introduction, sections with their sources, and the annex table. */
export function BriefVersionView({ version }: { version: BriefVersion }) {
  const { t } = useTranslation();
  return (
    <EvidenceProvider experiments={version.experiments ?? []}>
      <Stack gap="xl">
        {version.introductionHtml && (
          // Sanitised by the API like the proposal body.
          <div
            className="markdown-body"
            dangerouslySetInnerHTML={{ __html: version.introductionHtml }}
          />
        )}
        {version.sections.length > 1 && (
          <nav aria-label={t('briefs.contents')}>
            <ol className="brief-contents">
              {version.sections.map((section) => (
                <li key={section.position}>
                  <Anchor href={`#${sectionAnchor(section.position)}`}>{section.title}</Anchor>
                </li>
              ))}
            </ol>
          </nav>
        )}
        {version.sections.map((section) => (
          <Section key={section.position} section={section} />
        ))}
        <AnnexTable rows={version.annex} />
        <BriefEvidenceAnnex experiments={version.experiments ?? []} annex={version.annex} />
      </Stack>
    </EvidenceProvider>
  );
}

import { formatFigure } from '../experiments/experiments';
import { ActorType } from '../shared/enums';
import {
  briefAnnex,
  briefExperimentsAnnex,
  type BriefSnapshot,
  type FrozenIndicatorFigure,
  type FrozenProvenance,
} from './snapshot';

/**
 * Exports of a published brief (Markdown, PDF, DOCX) are all drawn from one neutral document
 * model built here, so the three formats carry the same text, links and figures. Exports are in
 * French, the language of the national contributions.
 */

/** A piece of text with its inline formatting and, for a source marker or a link, its target. */
export interface ExportRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Absolute URL (http or https). */
  href?: string;
}

/** A paragraph of text: a plain paragraph, a heading of a synthesis, or one list item. */
export interface ExportParagraph {
  kind: 'paragraph' | 'heading' | 'listItem';
  runs: ExportRun[];
}

/** One vote line: the totals or one collège's figures at publication. */
export interface ExportFigures {
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
}

/** One source of a section, numbered as the synthesis's `[n]` markers refer to it. */
export interface ExportSource {
  number: number;
  kind: 'proposal' | 'comment';
  /** "Proposition : <titre>" or "Commentaire sur la proposition : <titre>". */
  label: string;
  url: string;
  quote: string | null;
  /** Totals at publication, for a cited proposal; null for a comment. */
  figures: ExportFigures | null;
  /** Per-collège figures at publication (French collège labels), for a cited proposal. */
  colleges: (ExportFigures & { college: string })[];
}

export interface ExportSection {
  /** 1-based, as the public page numbers them. */
  number: number;
  /** "Section n — <titre>". */
  heading: string;
  paragraphs: ExportParagraph[];
  sources: ExportSource[];
  /** The dissent note, one entry per line; empty when there is none. */
  dissent: string[];
}

export interface ExportAnnexRow {
  title: string;
  territoryName: string;
  /** The author's collège, in French. */
  college: string;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  url: string;
  /** "Consultation locale « … » — Rhône — PTCE …"; null for a version published without it. */
  provenance: string | null;
}

/** One indicator of a cited experiment, as frozen at publication. */
export interface ExportExperimentFigure {
  indicator: string;
  /** "12 500 kWh", or that no figure was checked at publication. */
  figure: string;
  /** "mesuré le 1 mars 2026 — source : …"; null without a checked figure. */
  detail: string | null;
  sourceUrl: string | null;
}

/** An experiment of the annex: cited by the cited proposals, with its frozen figures. */
export interface ExportExperiment {
  name: string;
  /** "Portée par <organisation>". */
  carrier: string;
  /** Absolute URL of the experiment's page. */
  url: string;
  figures: ExportExperimentFigure[];
}

/** The whole document, independent of any output format. */
export interface BriefExportDocument {
  title: string;
  /** "Version n — publiée le 26 novembre 2026". */
  versionLine: string;
  /** Absolute URL of this version's public page. */
  url: string;
  introduction: ExportParagraph[];
  sections: ExportSection[];
  annex: ExportAnnexRow[];
  /** The experiments annex; empty when no cited proposal cites one (or before schema 3). */
  experiments: ExportExperiment[];
}

export interface BriefExportContext {
  slug: string;
  number: number;
  publishedAt: Date;
  /** Origin of the public site, e.g. https://passerelle.example.fr (a trailing slash is ignored). */
  baseUrl: string;
}

/** French labels shared by the renderers. */
export const BRIEF_EXPORT_LABELS = {
  onlineVersion: 'Version en ligne',
  sources: 'Sources',
  dissent: 'Avis divergents',
  figuresAtPublication: 'Votes à la publication',
  byCollege: 'Par collège',
  annexTitle: 'Annexe : propositions citées',
  annexCaption:
    'Chaque proposition citée, avec son territoire, le collège de son auteur ou autrice et les votes au moment de la publication.',
  annexEmpty: 'Cette version ne cite aucune proposition.',
  columns: {
    title: 'Proposition',
    territory: 'Territoire',
    college: 'Collège de l’auteur ou autrice',
    for: 'Pour',
    against: 'Contre',
    neutral: 'Neutre',
    link: 'Lien',
    provenance: 'Provenance',
  },
  experimentsTitle: 'Annexe : expérimentations citées',
  experimentsCaption:
    'Les expérimentations sur lesquelles s’appuient les propositions citées, avec le dernier chiffre vérifié de chaque indicateur au moment de la publication.',
  noCheckedFigure: 'aucun chiffre vérifié à la publication',
  nationalConsultation: 'Consultation nationale',
  localConsultation: 'Consultation locale',
  carriedBy: 'Portée par',
  measuredOn: 'mesuré le',
  source: 'source',
  open: 'Ouvrir',
  page: 'Page',
} as const;

/** French names of the collèges, as the web app shows them. */
export const ACTOR_TYPE_LABELS_FR: Readonly<Record<ActorType, string>> = {
  [ActorType.CITIZEN]: 'Citoyen ou citoyenne',
  [ActorType.ASSOCIATION]: 'Association',
  [ActorType.ESS_ENTERPRISE]: 'Entreprise de l’ESS (coopérative, mutuelle, SCOP, SCIC…)',
  [ActorType.SME]: 'TPE ou PME',
  [ActorType.LOCAL_AUTHORITY]: 'Collectivité territoriale',
  [ActorType.UNIVERSITY]: 'Université ou organisme de recherche',
  [ActorType.PTCE]: 'Pôle territorial de coopération économique (PTCE)',
};

/** The export file extensions, in the order offered. */
export const BRIEF_EXPORT_FORMATS = ['md', 'pdf', 'docx'] as const;
export type BriefExportFormat = (typeof BRIEF_EXPORT_FORMATS)[number];

export function isBriefExportFormat(value: string): value is BriefExportFormat {
  return (BRIEF_EXPORT_FORMATS as readonly string[]).includes(value);
}

/** `<slug>-v<n>.<ext>`: the download's file name. */
export function briefExportFileName(slug: string, number: number, format: BriefExportFormat) {
  return `${slug}-v${number}.${format}`;
}

/** "12 pour, 3 contre, 1 neutre". */
export function figuresText(figures: ExportFigures): string {
  return `${figures.votesFor} pour, ${figures.votesAgainst} contre, ${figures.votesNeutral} neutre`;
}

const FRENCH_DATE = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Paris',
});

const INLINE_PATTERN = new RegExp(
  [
    /\*\*\*(?<strongEm>.+?)\*\*\*/.source,
    /\*\*(?<strong>.+?)\*\*/.source,
    /__(?<strong2>.+?)__/.source,
    /\*(?<em>[^*\s](?:.*?[^*\s])?)\*/.source,
    /(?<![\p{L}\p{N}])_(?<em2>[^_\s](?:.*?[^_\s])?)_(?![\p{L}\p{N}])/u.source,
    /`(?<code>[^`]+)`/.source,
    /\[(?<linkText>[^\]]+)\]\((?<linkHref>[^)\s]+)\)/.source,
    // A source marker, as SOURCE_MARKER_PATTERN reads it.
    /\[(?<marker>\d{1,3})\](?![(:])/.source,
  ].join('|'),
  'gu',
);

/** An http(s) URL, absolute or relative to the site; anything else (javascript:, mailto:) is null. */
function absoluteUrl(href: string, baseUrl: string): string | null {
  if (/^https?:\/\//i.test(href)) return href;
  if (href.startsWith('/') && !href.startsWith('//')) return `${baseUrl}${href}`;
  return null;
}

interface InlineContext {
  baseUrl: string;
  /** The URL of source `n` of the section, or undefined when there is none. */
  sourceUrl: (n: number) => string | undefined;
}

/** Inline Markdown to runs: emphasis becomes flags, links and `[n]` markers become hrefs. */
function inlineRuns(
  text: string,
  context: InlineContext,
  style: { bold?: boolean; italic?: boolean } = {},
): ExportRun[] {
  const runs: ExportRun[] = [];
  const push = (run: ExportRun) => {
    if (run.text !== '') runs.push({ ...style, ...run });
  };
  let last = 0;
  for (const match of text.matchAll(INLINE_PATTERN)) {
    const index = match.index;
    push({ text: text.slice(last, index) });
    last = index + match[0].length;
    const groups = match.groups as Record<string, string | undefined>;
    const strong = groups['strong'] ?? groups['strong2'];
    const em = groups['em'] ?? groups['em2'];
    if (groups['strongEm'] !== undefined) {
      runs.push(...inlineRuns(groups['strongEm'], context, { ...style, bold: true, italic: true }));
    } else if (strong !== undefined) {
      runs.push(...inlineRuns(strong, context, { ...style, bold: true }));
    } else if (em !== undefined) {
      runs.push(...inlineRuns(em, context, { ...style, italic: true }));
    } else if (groups['code'] !== undefined) {
      push({ text: groups['code'] });
    } else if (groups['linkText'] !== undefined) {
      const href = absoluteUrl(groups['linkHref'] as string, context.baseUrl);
      push(href ? { text: groups['linkText'], href } : { text: groups['linkText'] });
    } else {
      const href = context.sourceUrl(Number(groups['marker']));
      push(href ? { text: match[0], href } : { text: match[0] });
    }
  }
  push({ text: text.slice(last) });
  return runs;
}

const LIST_ITEM = /^\s*(?:[-*+]|(\d+)[.)])\s+/;

/**
 * Markdown (a synthesis or an introduction) as paragraphs of runs. Not a full renderer: blocks
 * split on blank lines, headings lose their `#`, each list item is its own paragraph (numbered
 * items keep their number, others get a bullet), quotes lose their `>`, and lines within a
 * paragraph are joined with a space.
 */
export function markdownParagraphs(markdown: string, context: InlineContext): ExportParagraph[] {
  const paragraphs: ExportParagraph[] = [];
  for (const block of markdown.split(/\n[ \t]*\n/)) {
    const lines = block
      .split('\n')
      .map((line) => line.replace(/^\s*>\s?/, '').trim())
      .filter((line) => line !== '');
    let text: string[] = [];
    const flush = () => {
      if (text.length > 0) {
        paragraphs.push({ kind: 'paragraph', runs: inlineRuns(text.join(' '), context) });
      }
      text = [];
    };
    for (const line of lines) {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      const item = LIST_ITEM.exec(line);
      if (heading) {
        flush();
        paragraphs.push({ kind: 'heading', runs: inlineRuns(heading[1] as string, context) });
      } else if (item) {
        flush();
        const prefix = item[1] ? `${item[1]}. ` : '• ';
        const runs = inlineRuns(line.slice(item[0].length), context);
        paragraphs.push({ kind: 'listItem', runs: [{ text: prefix }, ...runs] });
      } else {
        text.push(line);
      }
    }
    flush();
  }
  return paragraphs;
}

/** The plain text of runs (formatting and links dropped). */
export function runsText(runs: readonly ExportRun[]): string {
  return runs.map((run) => run.text).join('');
}

/** "Consultation locale « Espace du PTCE » — Rhône — PTCE Sud Rhône". */
export function provenanceText(provenance: FrozenProvenance): string {
  const labels = BRIEF_EXPORT_LABELS;
  const kind =
    provenance.scope === 'NATIONAL' ? labels.nationalConsultation : labels.localConsultation;
  return [
    `${kind} « ${provenance.consultationTitle} »`,
    provenance.territoryName,
    provenance.organisationName,
  ]
    .filter((part): part is string => part !== null)
    .join(' — ');
}

/** A calendar day (YYYY-MM-DD) in French: "1 mars 2026". */
function frenchDay(day: string): string {
  return FRENCH_DATE.format(new Date(`${day}T12:00:00Z`));
}

function exportExperimentFigure(figure: FrozenIndicatorFigure): ExportExperimentFigure {
  const labels = BRIEF_EXPORT_LABELS;
  if (figure.value === null) {
    return {
      indicator: figure.indicatorName,
      figure: labels.noCheckedFigure,
      detail: null,
      sourceUrl: null,
    };
  }
  return {
    indicator: figure.indicatorName,
    figure: formatFigure(figure.value, figure.unit, 'fr'),
    detail: `${labels.measuredOn} ${frenchDay(figure.measuredOn as string)} — ${labels.source} : ${figure.source}`,
    // Characters that would end a Markdown autolink or an attribute are percent-encoded.
    sourceUrl: figure.sourceUrl?.replace(/[<>"]/g, (char) => encodeURIComponent(char)) ?? null,
  };
}

function exportFigures(figures: ExportFigures): ExportFigures {
  return {
    votesFor: figures.votesFor,
    votesAgainst: figures.votesAgainst,
    votesNeutral: figures.votesNeutral,
  };
}

/**
 * The document of version `number` of a brief: title, version line, introduction, sections (each
 * `[n]` marker linked to its source's page, then the numbered sources with their quotes and the
 * votes at publication, then the dissent note) and the annex of cited proposals. Every link is
 * absolute, built on `baseUrl`: proposal `/propositions/<id>`, comment
 * `/propositions/<proposalId>#commentaire-<commentId>`.
 */
export function buildBriefExport(
  snapshot: BriefSnapshot,
  context: BriefExportContext,
): BriefExportDocument {
  const baseUrl = context.baseUrl.replace(/\/+$/, '');
  const proposalUrl = (id: string) => `${baseUrl}/propositions/${encodeURIComponent(id)}`;
  const sections = snapshot.sections.map((section, index): ExportSection => {
    const sources = section.citations.map((citation, position): ExportSource => {
      const isComment = citation.proposalId === null;
      return {
        number: position + 1,
        kind: isComment ? 'comment' : 'proposal',
        label: isComment
          ? `Commentaire sur la proposition : ${citation.proposalTitle}`
          : `Proposition : ${citation.proposalTitle}`,
        url: isComment
          ? `${proposalUrl(citation.sourceProposalId)}#commentaire-${encodeURIComponent(String(citation.commentId))}`
          : proposalUrl(citation.sourceProposalId),
        quote: citation.quote,
        figures: citation.figures ? exportFigures(citation.figures) : null,
        colleges: (citation.figures?.colleges ?? []).map((college) => ({
          college: ACTOR_TYPE_LABELS_FR[college.actorType],
          ...exportFigures(college),
        })),
      };
    });
    return {
      number: index + 1,
      heading: `Section ${index + 1} — ${section.title}`,
      paragraphs: markdownParagraphs(section.synthesis, {
        baseUrl,
        sourceUrl: (n) => sources[n - 1]?.url,
      }),
      sources,
      dissent: section.dissentNote
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    };
  });
  return {
    title: snapshot.title,
    versionLine: `Version ${context.number} — publiée le ${FRENCH_DATE.format(context.publishedAt)}`,
    url: `${baseUrl}/contributions/${encodeURIComponent(context.slug)}/versions/${context.number}`,
    introduction: markdownParagraphs(snapshot.introduction, {
      baseUrl,
      sourceUrl: () => undefined,
    }),
    sections,
    annex: briefAnnex(snapshot).map((row) => ({
      title: row.title,
      territoryName: row.territoryName,
      college: ACTOR_TYPE_LABELS_FR[row.authorActorType],
      ...exportFigures(row.figures),
      url: proposalUrl(row.proposalId),
      provenance: row.provenance ? provenanceText(row.provenance) : null,
    })),
    experiments: briefExperimentsAnnex(snapshot).map((experiment) => ({
      name: experiment.name,
      carrier: `${BRIEF_EXPORT_LABELS.carriedBy} ${experiment.organisationName}`,
      url: `${baseUrl}/experiences/${encodeURIComponent(experiment.id)}`,
      figures: experiment.figures.map(exportExperimentFigure),
    })),
  };
}

/** Escapes the characters Markdown would read as formatting. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

function markdownRuns(runs: readonly ExportRun[]): string {
  return runs
    .map((run) => {
      let text = escapeMarkdown(run.text);
      if (run.href) text = `[${text}](${run.href})`;
      if (run.italic) text = `*${text}*`;
      if (run.bold) text = `**${text}**`;
      return text;
    })
    .join('');
}

function markdownParagraph(paragraph: ExportParagraph): string {
  if (paragraph.kind === 'heading') return `**${markdownRuns(paragraph.runs)}**`;
  if (paragraph.kind === 'listItem') {
    const [prefix, ...rest] = paragraph.runs;
    const marker = prefix?.text === '• ' ? '- ' : (prefix?.text ?? '');
    return `${marker}${markdownRuns(rest)}`;
  }
  return markdownRuns(paragraph.runs);
}

/** Joins paragraphs: consecutive list items stay in one list. */
function markdownBlocks(paragraphs: readonly ExportParagraph[]): string {
  return paragraphs
    .map((paragraph, index) => {
      const previous = paragraphs[index - 1];
      const separator =
        index === 0
          ? ''
          : paragraph.kind === 'listItem' && previous?.kind === 'listItem'
            ? '\n'
            : '\n\n';
      return separator + markdownParagraph(paragraph);
    })
    .join('');
}

const cell = (text: string) => escapeMarkdown(text).replace(/\n/g, ' ');

/** The document as Markdown (GitHub-flavoured table for the annex). */
export function briefToMarkdown(document: BriefExportDocument): string {
  const labels = BRIEF_EXPORT_LABELS;
  const out: string[] = [
    `# ${escapeMarkdown(document.title)}`,
    `*${document.versionLine}* — ${labels.onlineVersion} : <${document.url}>`,
  ];
  if (document.introduction.length > 0) out.push(markdownBlocks(document.introduction));
  for (const section of document.sections) {
    out.push(`## ${escapeMarkdown(section.heading)}`);
    if (section.paragraphs.length > 0) out.push(markdownBlocks(section.paragraphs));
    if (section.sources.length > 0) {
      out.push(`### ${labels.sources}`);
      out.push(
        section.sources
          .map((source) => {
            const lines = [`${source.number}. [${escapeMarkdown(source.label)}](${source.url})`];
            if (source.quote) lines.push(`   > « ${escapeMarkdown(source.quote)} »`);
            if (source.figures) {
              lines.push(`   - ${labels.figuresAtPublication} : ${figuresText(source.figures)}`);
              for (const college of source.colleges) {
                lines.push(`   - ${escapeMarkdown(college.college)} : ${figuresText(college)}`);
              }
            }
            return lines.join('\n');
          })
          .join('\n'),
      );
    }
    if (section.dissent.length > 0) {
      out.push(`### ${labels.dissent}`);
      out.push(section.dissent.map(escapeMarkdown).join('\n\n'));
    }
  }
  out.push(`## ${labels.annexTitle}`);
  if (document.annex.length === 0) {
    out.push(labels.annexEmpty);
  } else {
    const { columns } = labels;
    out.push(labels.annexCaption);
    out.push(
      [
        `| ${columns.title} | ${columns.territory} | ${columns.provenance} | ${columns.college} | ${columns.for} | ${columns.against} | ${columns.neutral} | ${columns.link} |`,
        '| --- | --- | --- | --- | ---: | ---: | ---: | --- |',
        ...document.annex.map(
          (row) =>
            `| ${cell(row.title)} | ${cell(row.territoryName)} | ${cell(row.provenance ?? '—')} | ${cell(row.college)} | ${row.votesFor} | ${row.votesAgainst} | ${row.votesNeutral} | <${row.url}> |`,
        ),
      ].join('\n'),
    );
  }
  if (document.experiments.length > 0) {
    out.push(`## ${labels.experimentsTitle}`);
    out.push(labels.experimentsCaption);
    for (const experiment of document.experiments) {
      const lines = [
        `### [${escapeMarkdown(experiment.name)}](${experiment.url})`,
        '',
        `*${escapeMarkdown(experiment.carrier)}*`,
      ];
      if (experiment.figures.length > 0) lines.push('');
      for (const figure of experiment.figures) {
        const detail = figure.detail ? ` (${escapeMarkdown(figure.detail)})` : '';
        const link = figure.sourceUrl ? ` <${figure.sourceUrl}>` : '';
        lines.push(
          `- ${escapeMarkdown(figure.indicator)} : ${escapeMarkdown(figure.figure)}${detail}${link}`,
        );
      }
      out.push(lines.join('\n'));
    }
  }
  return `${out.join('\n\n')}\n`;
}

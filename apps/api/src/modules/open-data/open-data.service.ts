import { Injectable } from '@nestjs/common';
import {
  ActorType,
  type CsvCell,
  CSV_BOM,
  encodeCsvRow,
  PUBLIC_PROPOSAL_STATUSES,
} from '@passerelle/domain';
import {
  type CollegeCountRow,
  OPEN_DATA_BATCH_SIZE,
  type OpenAmendmentRow,
  type OpenCommentRow,
  type OpenDataConsultation,
  OpenDataRepository,
  type OpenProposalRow,
} from './open-data.repository';

export const OPEN_DATA_LICENCE = 'Licence Ouverte / Open Licence 2.0';

export type OpenDataDataset = 'proposals' | 'comments' | 'amendments';
export type OpenDataFormat = 'csv' | 'json';

const ACTOR_TYPES = Object.values(ActorType);

/** Proposal columns; the per-collège counts follow, three per collège. */
const PROPOSAL_COLUMNS = [
  'id',
  'title',
  'summary',
  'status',
  'territoryCode',
  'territoryName',
  'themes',
  'authorActorType',
  'organisationName',
  'votesFor',
  'votesAgainst',
  'votesNeutral',
  ...ACTOR_TYPES.flatMap((type) => [
    `votesFor_${type}`,
    `votesAgainst_${type}`,
    `votesNeutral_${type}`,
  ]),
  'commentsCount',
  'publishedAt',
];

const COMMENT_COLUMNS = [
  'id',
  'proposalId',
  'parentId',
  'body',
  'stance',
  'upvotes',
  'createdAt',
  'authorActorType',
];

const AMENDMENT_COLUMNS = [
  'id',
  'proposalId',
  'status',
  'baseVersion',
  'title',
  'summary',
  'body',
  'reason',
  'votesFor',
  'votesAgainst',
  'createdAt',
  'decidedAt',
  'decisionReason',
  'authorActorType',
] as const satisfies readonly (keyof OpenAmendmentRow)[];

/** Every collège, in a fixed order, with zeros for those that did not vote. */
function collegesOf(rows: readonly CollegeCountRow[]): CollegeCountRow[] {
  return ACTOR_TYPES.map((actorType) => {
    const row = rows.find((college) => college.actorType === actorType);
    return {
      actorType,
      votesFor: row?.votesFor ?? 0,
      votesAgainst: row?.votesAgainst ?? 0,
      votesNeutral: row?.votesNeutral ?? 0,
    };
  });
}

function proposalJson(row: OpenProposalRow) {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    territory: { code: row.territoryCode, name: row.territoryName },
    themes: row.themes,
    authorActorType: row.authorActorType,
    organisationName: row.organisationName,
    votesFor: row.votesFor,
    votesAgainst: row.votesAgainst,
    votesNeutral: row.votesNeutral,
    colleges: collegesOf(row.colleges),
    commentsCount: row.commentsCount,
    publishedAt: row.publishedAt,
  };
}

function proposalCells(row: OpenProposalRow): CsvCell[] {
  return [
    row.id,
    row.title,
    row.summary,
    row.status,
    row.territoryCode,
    row.territoryName,
    row.themes.join('|'),
    row.authorActorType,
    row.organisationName,
    row.votesFor,
    row.votesAgainst,
    row.votesNeutral,
    ...collegesOf(row.colleges).flatMap((college) => [
      college.votesFor,
      college.votesAgainst,
      college.votesNeutral,
    ]),
    row.commentsCount,
    row.publishedAt,
  ];
}

function commentJson(row: OpenCommentRow) {
  return {
    id: row.id,
    proposalId: row.proposalId,
    parentId: row.parentId,
    body: row.body,
    stance: row.stance,
    upvotes: row.upvotes,
    createdAt: row.createdAt,
    authorActorType: row.authorActorType,
  };
}

function commentCells(row: OpenCommentRow): CsvCell[] {
  return COMMENT_COLUMNS.map((column) => row[column as keyof OpenCommentRow] as CsvCell);
}

function amendmentJson(row: OpenAmendmentRow) {
  return Object.fromEntries(AMENDMENT_COLUMNS.map((column) => [column, row[column]]));
}

function amendmentCells(row: OpenAmendmentRow): CsvCell[] {
  return AMENDMENT_COLUMNS.map((column) => row[column]);
}

interface Dataset<Row> {
  columns: readonly string[];
  batch(consultationId: string, afterId: string | null): Promise<Row[]>;
  cells(row: Row): CsvCell[];
  json(row: Row): unknown;
}

/**
 * Open data exports of a consultation: public proposals, comments and amendments, with no personal data
 * (only the author's collège, never an id, name or e-mail, and no per-user vote). Exports are
 * produced as chunks, one per keyset batch, so a large consultation never sits in memory.
 */
@Injectable()
export class OpenDataService {
  private readonly datasets: {
    proposals: Dataset<OpenProposalRow>;
    comments: Dataset<OpenCommentRow>;
    amendments: Dataset<OpenAmendmentRow>;
  };

  constructor(private readonly repository: OpenDataRepository) {
    this.datasets = {
      proposals: {
        columns: PROPOSAL_COLUMNS,
        batch: (id, after) => this.repository.proposalBatch(id, PUBLIC_PROPOSAL_STATUSES, after),
        cells: proposalCells,
        json: proposalJson,
      },
      comments: {
        columns: COMMENT_COLUMNS,
        batch: (id, after) => this.repository.commentBatch(id, PUBLIC_PROPOSAL_STATUSES, after),
        cells: commentCells,
        json: commentJson,
      },
      amendments: {
        columns: AMENDMENT_COLUMNS,
        batch: (id, after) => this.repository.amendmentBatch(id, PUBLIC_PROPOSAL_STATUSES, after),
        cells: amendmentCells,
        json: amendmentJson,
      },
    };
  }

  /** The consultation, or null when no consultation has this slug. */
  findConsultation(slug: string): Promise<OpenDataConsultation | null> {
    return this.repository.findConsultation(slug);
  }

  /** The export as text chunks: BOM and header, then one chunk per batch (CSV), or a JSON document. */
  export(
    consultation: OpenDataConsultation,
    dataset: OpenDataDataset,
    format: OpenDataFormat,
    now = new Date(),
  ): AsyncGenerator<string> {
    const source = this.datasets[dataset] as Dataset<
      OpenProposalRow | OpenCommentRow | OpenAmendmentRow
    >;
    return format === 'csv' ? this.csv(consultation, source) : this.json(consultation, source, now);
  }

  private async *batches<Row extends { id: string }>(
    consultationId: string,
    source: Dataset<Row>,
  ): AsyncGenerator<Row[]> {
    let afterId: string | null = null;
    for (;;) {
      const rows = await source.batch(consultationId, afterId);
      if (rows.length === 0) return;
      yield rows;
      // A short batch is the last one: no need for an empty query to find out.
      if (rows.length < OPEN_DATA_BATCH_SIZE) return;
      afterId = rows[rows.length - 1].id;
    }
  }

  private async *csv<Row extends { id: string }>(
    consultation: OpenDataConsultation,
    source: Dataset<Row>,
  ): AsyncGenerator<string> {
    yield CSV_BOM + encodeCsvRow(source.columns);
    for await (const rows of this.batches(consultation.id, source)) {
      yield rows.map((row) => encodeCsvRow(source.cells(row))).join('');
    }
  }

  private async *json<Row extends { id: string }>(
    consultation: OpenDataConsultation,
    source: Dataset<Row>,
    now: Date,
  ): AsyncGenerator<string> {
    const head = JSON.stringify({
      consultation: { slug: consultation.slug, title: consultation.title },
      generatedAt: now,
      licence: OPEN_DATA_LICENCE,
    });
    // The envelope is written around the rows so they can be streamed: `{…,"rows":[ … ]}`.
    yield `${head.slice(0, -1)},"rows":[`;
    let isFirst = true;
    for await (const rows of this.batches(consultation.id, source)) {
      yield (isFirst ? '' : ',') + rows.map((row) => JSON.stringify(source.json(row))).join(',');
      isFirst = false;
    }
    yield ']}';
  }
}

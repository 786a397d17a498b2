import { Injectable } from '@nestjs/common';
import {
  type Actor,
  can,
  type CappedCount,
  capCount,
  type DomainError,
  isTitleLongEnoughForSimilarity,
  type Language,
  ProposalStatus,
  LISTED_PROPOSAL_STATUSES,
  PROPOSAL_COUNT_CAP,
  PUBLIC_PROPOSAL_STATUSES,
  TERRITORY_ID,
} from '@passerelle/domain';
import { invalidArgument, isUuid } from '../../common/graphql/ids';
import { PublicReadCache } from '../../common/graphql/public-read-cache';
import {
  PROPOSALS_PAGE_DEFAULT,
  PROPOSALS_PAGE_MAX,
  type ProposalFilter,
  type ProposalsArgs,
  SEARCH_MAX_LENGTH,
  type SimilarProposalsArgs,
  THEME_SLUGS_MAX,
} from './dto/proposals.args';
import { type HighlightFragment, toFragments } from './search-highlight';
import {
  type ProposalListCriteria,
  ProposalListRepository,
  type ProposalListRow,
} from './proposal-list.repository';
import { decodeCursor, encodeCursor, type ProposalOrderBy } from './proposal-cursor';
import { type ProposalRelations } from './proposal-relations.sql';
import { type ProposalRecord } from './proposals.repository';

export interface ProposalPage {
  edges: {
    cursor: string;
    node: ProposalRecord;
    highlight: { title: HighlightFragment[]; snippet: HighlightFragment[] } | null;
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /**
   * Run by ProposalConnectionResolver only when a client asks for totalCount or
   * totalCountCapped (once for both): one COUNT query stopping past the cap, shared for a short
   * while by every request with the same filters (PublicReadCache).
   */
  count: () => Promise<CappedCount>;
  /**
   * What the rows' fields read (author, territory, themes, collège counts…), fetched by the
   * page's own statement: the resolver primes the DataLoaders with it (ProposalRelationsPrimer).
   */
  relations: ProposalRelations[];
}

export interface SimilarProposalResult {
  proposal: ProposalRecord;
  similarity: number;
}

export const SIMILAR_MAX = 10;
/** Below this blended score a proposal is not worth a duplicate warning. */
const MIN_SIMILARITY = 0.2;

const ALL_STATUSES = Object.values(ProposalStatus);

/** Who sees hidden proposals in a list: their author, and moderators all of them. */
function hiddenVisibility(
  actor: Actor,
): Pick<ProposalListCriteria, 'hiddenVisibleTo' | 'allHiddenVisible'> {
  return { hiddenVisibleTo: actor?.id ?? null, allHiddenVisible: can(actor, 'moderation.act') };
}

type Invalid = (field: string, rule: string, fr: string, en: string) => DomainError;

@Injectable()
export class ProposalListService {
  /** Lists count exactly up to this many matches; integration tests lower it. */
  countCap = PROPOSAL_COUNT_CAP;

  constructor(
    private readonly repository: ProposalListRepository,
    private readonly cache: PublicReadCache,
  ) {}

  /**
   * A page of publicly visible proposals, filtered, searched and sorted. Hidden ones (moderation)
   * only for their author and moderators.
   */
  list(args: ProposalsArgs, lang: Language, actor: Actor = null): Promise<ProposalPage> {
    const invalid: Invalid = (field, rule, fr, en) =>
      invalidArgument(field, rule, { fr, en }, lang);
    const orderBy = args.orderBy ?? 'NEWEST';
    const search = args.search?.trim() || null;
    if (search && search.length > SEARCH_MAX_LENGTH) {
      throw invalid(
        'search',
        'maxLength',
        `Recherchez au plus ${SEARCH_MAX_LENGTH} caractères.`,
        `Search at most ${SEARCH_MAX_LENGTH} characters.`,
      );
    }
    if (orderBy === 'RELEVANCE' && !search) {
      throw invalid(
        'orderBy',
        'requiresSearch',
        'Le tri par pertinence demande une recherche.',
        'Sorting by relevance needs a search.',
      );
    }
    return this.page(
      { ...this.criteria(args.filter ?? {}, invalid), search, ...hiddenVisibility(actor) },
      args,
      orderBy,
      lang,
      actor?.id ?? null,
    );
  }

  /**
   * An account's proposals, newest first: every status for the account itself, public ones
   * for anyone else (e.g. the account an administrator just changed the role of).
   */
  byAuthor(
    actor: Actor,
    userId: string,
    args: { first?: number | null; after?: string | null },
    lang: Language,
  ): Promise<ProposalPage> {
    const statuses = actor?.id === userId ? ALL_STATUSES : PUBLIC_PROPOSAL_STATUSES;
    return this.page(
      { statuses, authorId: userId, ...hiddenVisibility(actor) },
      args,
      'NEWEST',
      lang,
      actor?.id ?? null,
    );
  }

  /** Public proposals with a title like the one being typed, most similar first. */
  async similar(args: SimilarProposalsArgs, lang: Language): Promise<SimilarProposalResult[]> {
    const first = args.first ?? 5;
    if (!Number.isInteger(first) || first < 1 || first > SIMILAR_MAX) {
      throw invalidArgument(
        'first',
        'range',
        {
          fr: `Demandez entre 1 et ${SIMILAR_MAX} propositions.`,
          en: `Ask for 1 to ${SIMILAR_MAX} proposals.`,
        },
        lang,
      );
    }
    for (const field of ['consultationId', 'excludeId'] as const) {
      const value = args[field];
      if (value && !isUuid(value)) {
        throw invalidArgument(
          field,
          'id',
          { fr: 'Identifiant invalide.', en: 'Invalid id.' },
          lang,
        );
      }
    }
    const title = args.title.trim().slice(0, SEARCH_MAX_LENGTH);
    if (!isTitleLongEnoughForSimilarity(title)) return [];
    const words = title.match(/[\p{L}\p{N}]+/gu) ?? [];
    const rows = await this.repository.findSimilar({
      title,
      anyWords: words.slice(0, 12).join(' or '),
      statuses: LISTED_PROPOSAL_STATUSES,
      consultationId: args.consultationId ?? null,
      excludeId: args.excludeId ?? null,
      minSimilarity: MIN_SIMILARITY,
      limit: first,
    });
    return rows.map(({ similarity, ...proposal }) => ({
      proposal,
      similarity: Math.round(similarity * 1000) / 1000,
    }));
  }

  private criteria(filter: ProposalFilter, invalid: Invalid): Omit<ProposalListCriteria, 'search'> {
    for (const field of ['consultationId', 'organisationId', 'authorId'] as const) {
      const value = filter[field];
      if (value && !isUuid(value)) {
        throw invalid(`filter.${field}`, 'id', 'Identifiant invalide.', 'Invalid id.');
      }
    }
    if (filter.territoryId && !TERRITORY_ID.test(filter.territoryId)) {
      throw invalid(
        'filter.territoryId',
        'territory',
        'Territoire invalide : choisissez-le dans la liste proposée.',
        'Invalid territory: pick it from the suggested list.',
      );
    }
    if ((filter.themeSlugs?.length ?? 0) > THEME_SLUGS_MAX) {
      throw invalid(
        'filter.themeSlugs',
        'maxItems',
        `Choisissez au plus ${THEME_SLUGS_MAX} thèmes.`,
        `Choose at most ${THEME_SLUGS_MAX} themes.`,
      );
    }
    const statuses = filter.statuses?.length ? filter.statuses : LISTED_PROPOSAL_STATUSES;
    if (statuses.some((status) => !PUBLIC_PROPOSAL_STATUSES.includes(status))) {
      throw invalid(
        'filter.statuses',
        'oneOf',
        `Statuts publics uniquement : ${PUBLIC_PROPOSAL_STATUSES.join(', ')}.`,
        `Public statuses only: ${PUBLIC_PROPOSAL_STATUSES.join(', ')}.`,
      );
    }
    return {
      statuses,
      consultationId: filter.consultationId,
      themeSlugs: filter.themeSlugs,
      territoryId: filter.territoryId,
      authorActorTypes: filter.authorActorTypes,
      organisationId: filter.organisationId,
      authorId: filter.authorId,
      broadSupport: filter.broadSupport,
      groundedInMeasuredExperiment: filter.groundedInMeasuredExperiment,
    };
  }

  private async page(
    criteria: ProposalListCriteria,
    args: { first?: number | null; after?: string | null },
    orderBy: ProposalOrderBy,
    lang: Language,
    viewerId: string | null,
  ): Promise<ProposalPage> {
    const first = args.first ?? PROPOSALS_PAGE_DEFAULT;
    if (!Number.isInteger(first) || first < 1 || first > PROPOSALS_PAGE_MAX) {
      throw invalidArgument(
        'first',
        'range',
        {
          fr: `Demandez entre 1 et ${PROPOSALS_PAGE_MAX} propositions par page.`,
          en: `Ask for 1 to ${PROPOSALS_PAGE_MAX} proposals per page.`,
        },
        lang,
      );
    }
    const after = args.after ? decodeCursor(args.after, orderBy) : null;
    if (args.after && !after) {
      throw invalidArgument(
        'after',
        'cursor',
        {
          fr: 'Curseur invalide : reprenez la liste depuis le début.',
          en: 'Invalid cursor: start the list again from the beginning.',
        },
        lang,
      );
    }
    const rows = await this.repository.findPage({
      ...criteria,
      orderBy,
      after,
      take: first + 1,
      viewerId,
    });
    const shown = rows.slice(0, first);
    const edges = shown.map((row) => this.edge(row, orderBy));
    const cap = this.countCap;
    let counted: Promise<CappedCount> | undefined;
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      count: () => (counted ??= this.matched(criteria, cap).then((n) => capCount(n, cap))),
      relations: shown.map((row) => row.relations),
    };
  }

  /**
   * What a list counts, whatever its order or page, up to `cap + 1` (capCount makes it "more than
   * `cap`"; the sum of both halves is capped the same way). The proposals everyone sees are
   * counted once per filter set and cache lifetime for every reader (PublicReadCache, emptied by
   * any write); a participant's own hidden proposals are added by a small indexed count, in the
   * same statement when the shared count is not known yet. Moderators share theirs.
   */
  private async matched(criteria: ProposalListCriteria, cap: number): Promise<number> {
    const author = criteria.allHiddenVisible ? null : (criteria.hiddenVisibleTo ?? null);
    const shared = { ...criteria, hiddenVisibleTo: null };
    const key = `proposals:${cap}:${JSON.stringify(shared)}`;
    if (!author) return this.cache.count(key, () => this.repository.count(shared, cap));
    const known = this.cache.knownCount(key);
    if (known) {
      const [visible, ownHidden] = await Promise.all([
        known,
        this.repository.countOwnHidden(criteria, author, cap),
      ]);
      return visible + ownHidden;
    }
    const both = this.repository.countVisibleAndOwnHidden(criteria, author, cap);
    void this.cache
      .keepCount(
        key,
        both.then(({ visible }) => visible),
      )
      .catch(() => undefined);
    const { visible, ownHidden } = await both;
    return visible + ownHidden;
  }

  private edge(row: ProposalListRow, orderBy: ProposalOrderBy): ProposalPage['edges'][number] {
    const { sortKey, headlineTitle, headlineSnippet, relations: _relations, ...node } = row;
    return {
      cursor: encodeCursor({ orderBy, key: sortKey, id: node.id }),
      node,
      highlight:
        headlineTitle === null
          ? null
          : { title: toFragments(headlineTitle), snippet: toFragments(headlineSnippet ?? '') },
    };
  }
}

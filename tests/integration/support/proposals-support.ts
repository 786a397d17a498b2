// Helpers of the proposals specs (lifecycle, lists, search).
import { type ProposalStatus } from '../../../apps/api/src/generated/prisma/client';
import { factoryPrisma, TERRITORIES, uniqueKey } from '../../factories';
import { dataOf, type GqlResult, type TestApp } from './test-app';

export const PROPOSAL_PAGE = `query Proposals($first: Int, $after: String, $filter: ProposalFilter, $orderBy: ProposalOrderBy, $search: String) {
  proposals(first: $first, after: $after, filter: $filter, orderBy: $orderBy, search: $search) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title status }
      highlight { title { text isMatch } snippet { text isMatch } } }
  }
}`;

export interface Fragment {
  text: string;
  isMatch: boolean;
}

export interface ProposalPageData {
  proposals: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      node: { id: string; title: string; status: string };
      highlight: { title: Fragment[]; snippet: Fragment[] } | null;
    }[];
  };
}

export interface RowOverrides {
  consultationId: string;
  authorId: string;
  title?: string;
  summary?: string;
  body?: string;
  status?: ProposalStatus;
  territoryId?: string;
  organisationId?: string | null;
  themeIds?: string[];
  createdAt?: Date;
  scoreTop?: number;
  scoreHot?: number;
  scoreControversial?: number;
  commentsCount?: number;
}

/** A proposal row with chosen texts and ranking columns (the search trigger fills searchVector). */
export async function insertProposal(overrides: RowOverrides): Promise<{ id: string }> {
  const key = uniqueKey('p');
  const row = await factoryPrisma().proposal.create({
    data: {
      consultationId: overrides.consultationId,
      authorId: overrides.authorId,
      organisationId: overrides.organisationId ?? null,
      title: overrides.title ?? `Proposition ${key}`,
      summary: overrides.summary ?? 'Un résumé neutre, assez long pour être valide.',
      body: overrides.body ?? 'Un corps de proposition sans mot particulier. '.repeat(3),
      territoryId: overrides.territoryId ?? TERRITORIES.paris,
      competentLevel: 'COMMUNE',
      lever: 'BUDGET',
      status: overrides.status ?? 'PUBLISHED',
      publishedAt: new Date(),
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
      scoreTop: overrides.scoreTop ?? 0,
      scoreHot: overrides.scoreHot ?? 0,
      scoreControversial: overrides.scoreControversial ?? 0,
      commentsCount: overrides.commentsCount ?? 0,
      themes: { create: (overrides.themeIds ?? []).map((themeId) => ({ themeId })) },
    },
  });
  return { id: row.id };
}

/** Walks a list page by page with its cursor; returns the ids in order and the total. */
export async function walkProposals(
  api: TestApp,
  variables: Record<string, unknown>,
  first: number,
): Promise<{ ids: string[]; totalCount: number; pages: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 1; pages <= 50; pages++) {
    const result: GqlResult<ProposalPageData> = await api.gql<ProposalPageData>(PROPOSAL_PAGE, {
      ...variables,
      first,
      after,
    });
    if (result.errors) throw new Error(result.text);
    const page = dataOf(result).proposals;
    ids.push(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasNextPage) return { ids, totalCount: page.totalCount, pages };
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

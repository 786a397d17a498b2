/**
 * The GraphQL operations the benchmark sends: the web app's own documents (printed from
 * apps/web/src/modules/**\/graphql/*.documents.ts), so the API is measured on what browsers ask.
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  print,
} from 'graphql';
import { PROPOSAL_COMMENTS_QUERY } from '../../../apps/web/src/modules/comments/graphql/comments.documents';
import {
  PROPOSAL_QUERY,
  PROPOSALS_QUERY,
  SUBMIT_PROPOSAL_MUTATION,
} from '../../../apps/web/src/modules/proposals/graphql/proposals.documents';
import { CAST_VOTE_MUTATION } from '../../../apps/web/src/modules/votes/graphql/votes.documents';

const text = (document: DocumentNode) => print(document);

export const OPERATIONS = {
  /** The proposals page (ProposalsPage → ProposalList). */
  proposals: text(PROPOSALS_QUERY),
  /** The proposal page: the proposal itself… */
  proposal: text(PROPOSAL_QUERY),
  /** …and its first comments (CommentsSection), three levels deep. */
  proposalComments: text(PROPOSAL_COMMENTS_QUERY),
  castVote: text(CAST_VOTE_MUTATION),
  submitProposal: text(SUBMIT_PROPOSAL_MUTATION),
  signIn: `mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken user { id } } }`,
};

export type OrderBy =
  | 'NEWEST'
  | 'OLDEST'
  | 'TOP'
  | 'HOT'
  | 'CONTROVERSIAL'
  | 'MOST_COMMENTED'
  | 'RELEVANCE'
  | 'CONSENSUS'
  | 'DIVISIVE';

/** Every ProposalOrderBy value but RELEVANCE, which needs a search (the search scenarios use it). */
export const LIST_ORDERS: readonly OrderBy[] = [
  'NEWEST',
  'OLDEST',
  'TOP',
  'HOT',
  'CONTROVERSIAL',
  'MOST_COMMENTED',
  'CONSENSUS',
  'DIVISIVE',
];

export interface ListFilter {
  themeSlugs?: string[];
  territoryId?: string;
  broadSupport?: boolean;
}

export function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

export function listBody(
  first: number,
  orderBy: OrderBy,
  filter?: ListFilter,
  search?: string,
): string {
  return body(OPERATIONS.proposals, {
    first,
    after: null,
    filter: filter ?? null,
    orderBy,
    search: search ?? null,
  });
}

/**
 * The proposal page's two queries (the proposal, its first comments) as one operation: what the
 * page needs before it can show its content, in one round trip, both root fields resolved
 * concurrently as the browser's two parallel requests would be. Built from the web documents'
 * syntax trees, so it follows them.
 */
function proposalPageDocument(): string {
  const operation = (document: DocumentNode) => {
    const found = document.definitions.find(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    );
    if (!found) throw new Error('no operation in document');
    return found;
  };
  const proposal = operation(PROPOSAL_QUERY);
  const comments = operation(PROPOSAL_COMMENTS_QUERY);
  const [commentsField] = comments.selectionSet.selections;
  if (commentsField.kind !== Kind.FIELD) throw new Error('unexpected ProposalComments shape');
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of [
    ...PROPOSAL_QUERY.definitions,
    ...PROPOSAL_COMMENTS_QUERY.definitions,
  ]) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const variableNames = new Set(proposal.variableDefinitions?.map((v) => v.variable.name.value));
  const page: OperationDefinitionNode = {
    ...proposal,
    name: { kind: Kind.NAME, value: 'ProposalPage' },
    variableDefinitions: [
      ...(proposal.variableDefinitions ?? []),
      ...(comments.variableDefinitions ?? []).filter(
        (v) => !variableNames.has(v.variable.name.value),
      ),
    ],
    selectionSet: {
      ...proposal.selectionSet,
      selections: [
        ...proposal.selectionSet.selections,
        { ...commentsField, alias: { kind: Kind.NAME, value: 'withComments' } },
      ],
    },
  };
  return print({ kind: Kind.DOCUMENT, definitions: [page, ...fragments.values()] });
}

export const PROPOSAL_PAGE = proposalPageDocument();

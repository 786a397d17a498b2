import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { ApiErrorReason, GraphQLErrorCode } from './error-codes';

/** Limits checked while parsing and validating, so abusive queries never execute. */
export const GRAPHQL_LIMITS = {
  maxDepth: 8,
  maxAliases: 10,
  maxCost: 5000,
  maxTokens: 2000,
  maxDirectives: 20,
} as const;

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;
type RejectCallback = NonNullable<NonNullable<ArmorConfig['maxAliases']>['onReject']>[number];

const reject: RejectCallback = (context, error) => {
  context?.reportError(
    new GraphQLError(error.message, {
      extensions: {
        code: GraphQLErrorCode.BAD_USER_INPUT,
        reason: ApiErrorReason.QUERY_TOO_COMPLEX,
      },
    }),
  );
};

const validationLimit = { propagateOnRejection: false, onReject: [reject] };

/** graphql-armor's Apollo plugins and validation rules; field suggestions are hidden in production. */
export function graphqlArmor(isProduction: boolean) {
  return new ApolloArmor({
    maxDepth: {
      n: GRAPHQL_LIMITS.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...validationLimit,
    },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, ...validationLimit },
    costLimit: {
      maxCost: GRAPHQL_LIMITS.maxCost,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...validationLimit,
    },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, ...validationLimit },
    // Counted by graphql-js itself (parseOptions.maxTokens): a clean 400 GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: isProduction },
  }).protect();
}

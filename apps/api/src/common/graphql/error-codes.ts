import { DomainErrorCode, type Language } from '@passerelle/domain';

/** The `extensions.code` values clients can rely on. */
export const GraphQLErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  /** The database is unreachable for a moment (restart, failover): the client may retry. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** A plain HTTP path under /api that no route serves. */
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  /** A request body over the size limit, refused before it is read further. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A request the HTTP layer could not read (e.g. a body that is not the JSON it claims). */
  MALFORMED_REQUEST: 'MALFORMED_REQUEST',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type GraphQLErrorCode = (typeof GraphQLErrorCode)[keyof typeof GraphQLErrorCode];

/**
 * The one table from domain error codes to GraphQL error codes. The domain code itself travels
 * in `extensions.reason`. Typed as a full Record so a new domain code cannot be forgotten here.
 */
export const DOMAIN_TO_GRAPHQL_CODE: Readonly<Record<DomainErrorCode, GraphQLErrorCode>> = {
  [DomainErrorCode.INVALID_INPUT]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.REASON_REQUIRED]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.SIGN_IN_REQUIRED]: GraphQLErrorCode.UNAUTHENTICATED,
  [DomainErrorCode.SESSION_EXPIRED]: GraphQLErrorCode.UNAUTHENTICATED,
  [DomainErrorCode.INVALID_CREDENTIALS]: GraphQLErrorCode.UNAUTHENTICATED,
  [DomainErrorCode.NOT_ALLOWED]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.NOT_A_MEMBER]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.OWN_ROLE_CHANGE]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.PROPOSING_CLOSED]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.VOTING_CLOSED]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.PROPOSAL_CLOSED_TO_VOTES]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.PHASE_CLOSED]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.COMMENTING_CLOSED]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.OWN_COMMENT_UPVOTE]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.COMMENT_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.COMMENT_DELETED]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.PROPOSAL_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.CONSULTATION_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.THEME_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.TERRITORY_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.ORGANISATION_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.USER_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.EMAIL_TAKEN]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.ILLEGAL_TRANSITION]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.STALE_VERSION]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.PROPOSAL_NOT_EDITABLE]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.RATE_LIMITED]: GraphQLErrorCode.RATE_LIMITED,
  [DomainErrorCode.SLUG_TAKEN]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.INVALID_SIRET]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.SIRET_TAKEN]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.INVITATION_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.INVITATION_ALREADY_ANSWERED]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.ALREADY_MEMBER]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.LAST_MANAGER]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.NOT_A_MANAGER]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.EXPERIMENT_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.INDICATOR_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.MEASUREMENT_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.NOT_AN_EXPERIMENT_MEMBER]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.OWN_FIGURE_CHECK]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.AMENDMENT_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.AMENDMENT_OUTDATED]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.AMENDMENT_CLOSED]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.AMENDMENT_HIDDEN]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.AMENDING_CLOSED]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.AMENDMENT_UNCHANGED]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.OWN_PROPOSAL_AMENDMENT]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.OWN_AMENDMENT_VOTE]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.DECISION_REASON_REQUIRED]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.COAUTHOR_ALREADY]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.COAUTHOR_INVITATION_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.COAUTHOR_LIMIT]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.COAUTHOR_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.ALREADY_REPORTED]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.OWN_CONTENT_REPORT]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.ACCOUNT_SUSPENDED]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.OWN_ACCOUNT_SUSPENSION]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.NOT_SUSPENDED]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.CLUSTER_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.ALREADY_IN_CLUSTER]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.CLUSTER_CONSULTATION_MISMATCH]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.MERGE_ALREADY_UNDONE]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.VOTE_NOT_MOVABLE]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.VOTE_VALUE_NOT_OFFERED]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.NOTIFICATION_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.BRIEF_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.BRIEF_STALE]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.BRIEF_SLUG_TAKEN]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.QUOTE_NOT_IN_SOURCE]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.CITATION_SOURCE_INVALID]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.SOURCE_MARKER_INVALID]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.UNSOURCED_PARAGRAPH]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.BRIEF_VERSION_NOT_FOUND]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.BRIEF_EXPORT_FORMAT_INVALID]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.TOKEN_INVALID]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.TOKEN_EXPIRED]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.TOKEN_USED]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.PASSWORD_INCORRECT]: GraphQLErrorCode.BAD_USER_INPUT,
  [DomainErrorCode.LAST_ADMIN]: GraphQLErrorCode.CONFLICT,
  [DomainErrorCode.OIDC_UNAVAILABLE]: GraphQLErrorCode.NOT_FOUND,
  [DomainErrorCode.OIDC_SIGN_IN_FAILED]: GraphQLErrorCode.UNAUTHENTICATED,
  [DomainErrorCode.OIDC_EMAIL_UNVERIFIED]: GraphQLErrorCode.FORBIDDEN,
  [DomainErrorCode.OIDC_TERMS_REQUIRED]: GraphQLErrorCode.FORBIDDEN,
};

/** Reasons the API itself gives for failures that are not domain rules. */
export const ApiErrorReason = {
  /** A unique constraint refused a write (Prisma P2002) that no domain rule anticipated. */
  CONFLICT: 'CONFLICT',
  /** Depth, alias, cost or token limits refused the query before execution. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** PostgreSQL could not be reached or ended the connection (restart, failover, overload). */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** A plain HTTP path under /api that no route serves. */
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  /** A request body over the size limit, refused before it is read further. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A request the HTTP layer could not read (e.g. a body that is not the JSON it claims). */
  MALFORMED_REQUEST: 'MALFORMED_REQUEST',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ApiErrorReason = (typeof ApiErrorReason)[keyof typeof ApiErrorReason];

const API_MESSAGES: Record<ApiErrorReason, Record<Language, string>> = {
  CONFLICT: {
    fr: 'Cette opération entre en conflit avec des données existantes : rechargez la page puis réessayez.',
    en: 'This operation conflicts with existing data: reload the page and try again.',
  },
  QUERY_TOO_COMPLEX: {
    fr: 'Requête refusée : elle dépasse les limites de profondeur, d’alias ou de coût.',
    en: 'Query refused: it exceeds the depth, alias or cost limits.',
  },
  SERVICE_UNAVAILABLE: {
    fr: 'Service momentanément indisponible, réessayez dans quelques instants.',
    en: 'Service temporarily unavailable, try again in a few moments.',
  },
  PAYLOAD_TOO_LARGE: {
    fr: 'Requête trop volumineuse : envoyez un contenu plus court.',
    en: 'Request too large: send a shorter content.',
  },
  MALFORMED_REQUEST: {
    fr: 'Requête illisible : le corps envoyé ne correspond pas à son type de contenu.',
    en: 'Unreadable request: the body sent does not match its content type.',
  },
  ROUTE_NOT_FOUND: {
    fr: 'Rien n’est servi à cette adresse : vérifiez le lien.',
    en: 'Nothing is served at this address: check the link.',
  },
  INTERNAL_SERVER_ERROR: {
    fr: 'Une erreur inattendue est survenue. Réessayez plus tard ; si elle persiste, transmettez l’identifiant de requête au support.',
    en: 'An unexpected error occurred. Try again later; if it persists, give the request id to support.',
  },
};

export function apiErrorMessage(reason: ApiErrorReason, lang: Language): string {
  return API_MESSAGES[reason][lang];
}

/** Maps a domain error code to its GraphQL code. */
export function graphqlCodeFor(code: DomainErrorCode): GraphQLErrorCode {
  return DOMAIN_TO_GRAPHQL_CODE[code];
}

/**
 * Domain enumerations. Their members are the same as the Prisma schema's and the GraphQL schema's,
 * so values cross every layer unchanged.
 */
const values = <const T extends readonly string[]>(...items: T) =>
  Object.freeze(Object.fromEntries(items.map((item) => [item, item]))) as {
    readonly [K in T[number]]: K;
  };

export const Role = values('PARTICIPANT', 'MODERATOR', 'CURATOR', 'ADMIN');
export type Role = keyof typeof Role;

/** The "collège": the kind of actor a participant or organisation is. */
export const ActorType = values(
  'CITIZEN',
  'ASSOCIATION',
  'ESS_ENTERPRISE',
  'SME',
  'LOCAL_AUTHORITY',
  'UNIVERSITY',
  'PTCE',
);
export type ActorType = keyof typeof ActorType;

export const TerritoryLevel = values('REGION', 'DEPARTEMENT', 'COMMUNE');
export type TerritoryLevel = keyof typeof TerritoryLevel;

export const ProposalStatus = values(
  'DRAFT',
  'PUBLISHED',
  'UNDER_REVIEW',
  'SELECTED',
  'NOT_RETAINED',
  'WITHDRAWN',
  'MERGED',
  'RETAINED',
);
export type ProposalStatus = keyof typeof ProposalStatus;

/** The level of government able to carry a proposal out. */
export const CompetentLevel = values('COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION', 'STATE', 'EU');
export type CompetentLevel = keyof typeof CompetentLevel;

/** The kind of public action a proposal asks for. */
export const Lever = values(
  'LAW',
  'REGULATION',
  'BUDGET',
  'PUBLIC_PROCUREMENT',
  'TAX',
  'VOLUNTARY_COMMITMENT',
  'EXPERIMENTATION',
);
export type Lever = keyof typeof Lever;

export const PhaseKind = values('PROPOSING', 'VOTING', 'CURATING', 'CLOSED');
export type PhaseKind = keyof typeof PhaseKind;

export const VoteValue = values('FOR', 'AGAINST', 'NEUTRAL');
export type VoteValue = keyof typeof VoteValue;

export const CommentStance = values('FOR', 'AGAINST', 'NEUTRAL', 'NONE');
export type CommentStance = keyof typeof CommentStance;

/** Where an amendment stands (issue 11). */
export const AmendmentStatus = values('PENDING', 'ACCEPTED', 'REJECTED', 'WITHDRAWN');
export type AmendmentStatus = keyof typeof AmendmentStatus;

export const AmendmentVoteValue = values('FOR', 'AGAINST');
export type AmendmentVoteValue = keyof typeof AmendmentVoteValue;

/** A co-author invitation, answered or not. */
export const CoAuthorStatus = values('INVITED', 'ACCEPTED', 'DECLINED');
export type CoAuthorStatus = keyof typeof CoAuthorStatus;

/** Where a territorial experiment stands. */
export const ExperimentStatus = values('RUNNING', 'ENDED', 'STOPPED');
export type ExperimentStatus = keyof typeof ExperimentStatus;

/** What an impact indicator measures; each kind accepts its own units (experiments.ts). */
export const IndicatorKind = values(
  'JOBS',
  'RENEWABLE_ENERGY',
  'LOCAL_SAVINGS',
  'CO2_AVOIDED',
  'WASTE_AVOIDED',
  'PEOPLE_REACHED',
  'OTHER',
);
export type IndicatorKind = keyof typeof IndicatorKind;

/** The unit an indicator's baseline and measurements are given in. */
export const IndicatorUnit = values(
  'FTE',
  'JOBS',
  'KWH',
  'MWH',
  'EUR',
  'TONNE_CO2E',
  'TONNE',
  'PEOPLE',
  'HOUSEHOLDS',
  'PERCENT',
  'COUNT',
);
export type IndicatorUnit = keyof typeof IndicatorUnit;

/** The members of an enumeration object, as a non-empty tuple (for schema builders). */
export const membersOf = <T extends Record<string, string>>(enumeration: T) =>
  Object.values(enumeration) as [T[keyof T], ...T[keyof T][]];

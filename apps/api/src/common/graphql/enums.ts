import { registerEnumType } from '@nestjs/graphql';
import {
  ActorType,
  AmendmentStatus,
  AmendmentVoteValue,
  CoAuthorStatus,
  CompetentLevel,
  Lever,
  PhaseKind,
  ProposalStatus,
  Role,
  TerritoryLevel,
} from '@passerelle/domain';

// The domain's enumerations are the GraphQL enums: same members in Prisma, domain and schema.
registerEnumType(Role, { name: 'Role' });
registerEnumType(ActorType, {
  name: 'ActorType',
  description: 'The "collège" of a participant or organisation.',
});
registerEnumType(TerritoryLevel, { name: 'TerritoryLevel' });
registerEnumType(ProposalStatus, { name: 'ProposalStatus' });
registerEnumType(CompetentLevel, {
  name: 'CompetentLevel',
  description: 'The level of government able to act.',
});
registerEnumType(Lever, {
  name: 'Lever',
  description: 'The kind of public action a proposal asks for.',
});
registerEnumType(PhaseKind, { name: 'PhaseKind' });
registerEnumType(AmendmentStatus, { name: 'AmendmentStatus' });
registerEnumType(AmendmentVoteValue, { name: 'AmendmentVoteValue' });
/** The texts an amendment may change: capital names in GraphQL, the domain's keys as values. */
export const AmendableField = { TITLE: 'title', SUMMARY: 'summary', BODY: 'body' } as const;
registerEnumType(AmendableField, {
  name: 'AmendableField',
  description: 'A text of a proposal an amendment may change.',
});
registerEnumType(CoAuthorStatus, {
  name: 'CoAuthorStatus',
  description: 'Where a co-author invitation stands (issue 11).',
});

export {
  ActorType,
  AmendmentStatus,
  AmendmentVoteValue,
  CoAuthorStatus,
  CompetentLevel,
  Lever,
  PhaseKind,
  ProposalStatus,
  Role,
  TerritoryLevel,
};

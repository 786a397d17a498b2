import { registerEnumType } from '@nestjs/graphql';
import {
  ActorType,
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

export { ActorType, CompetentLevel, Lever, PhaseKind, ProposalStatus, Role, TerritoryLevel };

import { registerEnumType } from '@nestjs/graphql';
import { MembershipRole } from '@passerelle/domain';

registerEnumType(MembershipRole, {
  name: 'MembershipRole',
  description: 'A member of an organisation; managers invite and remove members.',
});

export { MembershipRole };

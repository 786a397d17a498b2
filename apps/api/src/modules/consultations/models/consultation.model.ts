import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConsultationScope } from '@passerelle/domain';
import { PhaseKind } from '../../../common/graphql/enums';
import { Organisation } from '../../organisations/models/organisation.model';
import { Participant } from '../../users/models/participant.model';
import { Territory } from '../../territories/models/territory.model';
import { Theme } from '../../themes/models/theme.model';
import { ConsultationPhase } from './consultation-phase.model';
import { ConsultationSettings } from './consultation-settings.model';

registerEnumType(ConsultationScope, {
  name: 'ConsultationScope',
  description: 'NATIONAL: neither territory nor carrying organisation; LOCAL otherwise.',
});

export { ConsultationScope };

@ObjectType({
  description: 'A participatory process with dated phases: PROPOSING → VOTING → CURATING → CLOSED.',
})
export class Consultation {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => Territory, { nullable: true, description: 'Null for a national consultation.' })
  territory?: Territory | null;

  @Field(() => ConsultationScope)
  scope?: ConsultationScope;

  @Field(() => Organisation, {
    nullable: true,
    description: 'The organisation carrying a local space (typically a PTCE); null otherwise.',
  })
  organisation?: Organisation | null;

  @Field(() => [Participant], {
    description:
      "The consultation's local moderators, by date named (their public view: no e-mail). Visible to administrators, platform moderators and the consultation's own local moderators; an empty list for everyone else.",
  })
  moderators?: Participant[];

  @Field(() => [ConsultationPhase])
  phases?: ConsultationPhase[];

  @Field(() => [Theme])
  themes?: Theme[];

  @Field(() => [PhaseKind], { description: 'The kinds of phase open now.' })
  openPhases?: PhaseKind[];

  @Field(() => ConsultationSettings, { description: 'Moderation settings, defaults applied.' })
  settings?: ConsultationSettings;
}

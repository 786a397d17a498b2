import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PhaseKind } from '../../../common/graphql/enums';
import { Territory } from '../../territories/models/territory.model';
import { Theme } from '../../themes/models/theme.model';
import { ConsultationPhase } from './consultation-phase.model';
import { ConsultationSettings } from './consultation-settings.model';

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

  @Field(() => [ConsultationPhase])
  phases?: ConsultationPhase[];

  @Field(() => [Theme])
  themes?: Theme[];

  @Field(() => [PhaseKind], { description: 'The kinds of phase open now.' })
  openPhases?: PhaseKind[];

  @Field(() => ConsultationSettings, { description: 'Moderation settings, defaults applied.' })
  settings?: ConsultationSettings;
}

import { Field, ObjectType } from '@nestjs/graphql';
import { PhaseKind } from '../../../common/graphql/enums';

@ObjectType({ description: 'A dated step of a consultation.' })
export class ConsultationPhase {
  @Field(() => PhaseKind)
  kind!: PhaseKind;

  @Field()
  startsAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Null when open-ended.' })
  endsAt!: Date | null;

  @Field({ description: 'Whether the phase is open now.' })
  isOpen!: boolean;
}

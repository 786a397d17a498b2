import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { PhaseKind } from '../../../common/graphql/enums';
import { VoteValue } from '@passerelle/domain';

@InputType({ description: 'A dated phase; endsAt null means open-ended.' })
export class PhaseInput {
  @Field(() => PhaseKind)
  kind!: PhaseKind;

  @Field()
  startsAt!: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;
}

@InputType({ description: 'Absent or null keeps the current value (or the default).' })
export class CollegeThresholdsInput {
  @Field(() => Float, { nullable: true, description: '0.5 to 1; default 0.6.' })
  minForShare?: number | null;

  @Field(() => Int, { nullable: true, description: '1 to 7; default 3.' })
  minColleges?: number | null;

  @Field(() => Int, { nullable: true, description: '1 to 10000; default 10.' })
  minVotesPerCollege?: number | null;
}

@InputType({ description: 'Absent or null keeps the current value (or the default).' })
export class ConsultationSettingsInput {
  @Field(() => Int, { nullable: true, description: '1 to 50; default 3.' })
  reportThreshold?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Default false.' })
  preModeration?: boolean | null;

  @Field(() => [VoteValue], {
    nullable: true,
    description:
      'Must include FOR, no repeats; stored in the order FOR, AGAINST, NEUTRAL. Default all three.',
  })
  voteValues?: VoteValue[] | null;

  @Field(() => CollegeThresholdsInput, { nullable: true })
  collegeThresholds?: CollegeThresholdsInput | null;
}

@InputType()
export class CreateConsultationInput {
  @Field({ description: 'Lower-case letters, digits and dashes; unique (CONFLICT / SLUG_TAKEN).' })
  slug!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'With organisationId null too: a national consultation.',
  })
  territoryId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The organisation carrying a local space (typically a PTCE); BAD_USER_INPUT (rule exists) when unknown.',
  })
  organisationId?: string | null;

  @Field(() => [ID])
  themeIds!: string[];

  @Field(() => [PhaseInput])
  phases!: PhaseInput[];

  @Field(() => ConsultationSettingsInput, { nullable: true })
  settings?: ConsultationSettingsInput | null;
}

@InputType({
  description:
    'Absent fields keep their value; an explicit null territoryId or organisationId removes it (with neither, the consultation is national). themeIds and phases replace the whole list.',
})
export class UpdateConsultationInput {
  @Field(() => ID)
  consultationId!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true })
  territoryId?: string | null;

  @Field(() => ID, { nullable: true })
  organisationId?: string | null;

  @Field(() => [ID], { nullable: true })
  themeIds?: string[] | null;

  @Field(() => [PhaseInput], { nullable: true })
  phases?: PhaseInput[] | null;

  @Field(() => ConsultationSettingsInput, { nullable: true })
  settings?: ConsultationSettingsInput | null;
}

import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ProposalStatus } from '../../../common/graphql/enums';
import { Participant } from '../../users/models/participant.model';

@ObjectType({ description: 'One version of a proposal, as its author wrote it.' })
export class ProposalRevision {
  @Field(() => Int)
  version!: number;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field({ description: 'Markdown source.' })
  body!: string;

  @Field({ description: 'The body rendered to sanitised HTML.' })
  bodyHtml!: string;

  @Field(() => String, { nullable: true })
  experiment!: string | null;

  @Field(() => String, { nullable: true })
  measuredImpact!: string | null;

  @Field(() => Participant)
  editor?: Participant;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'A status change: who, when and why.' })
export class ProposalStatusChange {
  @Field(() => ProposalStatus, { nullable: true, description: 'Null for the creation.' })
  from!: ProposalStatus | null;

  @Field(() => ProposalStatus)
  to!: ProposalStatus;

  @Field(() => Participant)
  actor?: Participant;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  at!: Date;
}

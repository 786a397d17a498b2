import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BriefStatus } from '@passerelle/domain';
import { Comment } from '../../comments/models/comment.model';
import { Consultation } from '../../consultations/models/consultation.model';
import { Proposal } from '../../proposals/models/proposal.model';
import { Participant } from '../../users/models/participant.model';

registerEnumType(BriefStatus, {
  name: 'BriefStatus',
  description: 'The working copy of a brief: DRAFT → IN_REVIEW → PUBLISHED.',
});
export { BriefStatus };

@ObjectType({ description: 'Another brief, named briefly.' })
export class BriefRef {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  title!: string;
}

@ObjectType({
  description: 'A proposal or comment cited by a section, with an optional exact extract.',
})
export class BriefCitation {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Order in its section, from 0.' })
  position!: number;

  @Field(() => Proposal, {
    nullable: true,
    description: 'The cited proposal (null for a comment).',
  })
  proposal?: Proposal | null;

  @Field(() => Comment, { nullable: true, description: 'The cited comment (null for a proposal).' })
  comment?: Comment | null;

  @Field(() => String, { nullable: true, description: 'An exact extract of the source.' })
  quote!: string | null;

  @Field(() => [BriefRef], {
    description:
      "Other briefs whose working copy cites the same proposal (the comment's proposal for a comment).",
  })
  otherBriefs?: BriefRef[];
}

@ObjectType({ description: 'An ordered section of a brief.' })
export class BriefSection {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Order in the brief, from 0.' })
  position!: number;

  @Field()
  title!: string;

  @Field({ description: 'Markdown source.' })
  synthesis!: string;

  @Field({ description: 'Sanitised HTML rendered from the synthesis.' })
  synthesisHtml!: string;

  @Field()
  dissentNote!: string;

  @Field(() => [BriefCitation])
  citations?: BriefCitation[];
}

@ObjectType({
  description:
    'The working copy of a national contribution (policy brief): curators and administrators only.',
})
export class Brief {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  title!: string;

  @Field({ description: 'Markdown source.' })
  introduction!: string;

  @Field({ description: 'Sanitised HTML rendered from the introduction.' })
  introductionHtml!: string;

  @Field(() => BriefStatus)
  status!: BriefStatus;

  @Field(() => Int, {
    description: 'Edit counter: every write names the revision it started from.',
  })
  revision!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Latest published version; null before the first.',
  })
  publishedVersion!: number | null;

  @Field(() => [Consultation])
  consultations?: Consultation[];

  @Field(() => [BriefSection])
  sections?: BriefSection[];

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Participant)
  updatedBy?: Participant;
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CompetentLevel, Lever, ProposalStatus } from '../../../common/graphql/enums';
import { Consultation } from '../../consultations/models/consultation.model';
import { Organisation } from '../../organisations/models/organisation.model';
import { Territory } from '../../territories/models/territory.model';
import { Theme } from '../../themes/models/theme.model';
import { Participant } from '../../users/models/participant.model';
import { ProposalRevision, ProposalStatusChange } from './proposal-history.model';

@ObjectType({ description: 'A bottom-up proposal submitted to a consultation.' })
export class Proposal {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field({ description: 'Markdown source.' })
  body!: string;

  @Field({ description: 'The body rendered to HTML, sanitised with an allow-list.' })
  bodyHtml!: string;

  @Field(() => ProposalStatus)
  status!: ProposalStatus;

  @Field(() => [Theme])
  themes?: Theme[];

  @Field(() => Territory)
  territory?: Territory;

  @Field(() => CompetentLevel)
  competentLevel!: CompetentLevel;

  @Field(() => Lever)
  lever!: Lever;

  @Field(() => String, {
    nullable: true,
    description: 'The local experiment the proposal builds on.',
  })
  experiment!: string | null;

  @Field(() => String, { nullable: true, description: "The experiment's measured impact." })
  measuredImpact!: string | null;

  @Field(() => Participant)
  author?: Participant;

  @Field(() => Organisation, { nullable: true })
  organisation?: Organisation | null;

  @Field(() => Consultation)
  consultation?: Consultation;

  @Field(() => Int)
  votesFor!: number;

  @Field(() => Int)
  votesAgainst!: number;

  @Field(() => Int)
  votesNeutral!: number;

  @Field(() => Int)
  commentsCount!: number;

  @Field(() => Int, { description: 'Current revision number (1 when never edited).' })
  version!: number;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field({
    description:
      'Whether the viewer is the author or an accepted co-author and the status still allows edits.',
  })
  canEdit?: boolean;

  @Field(() => [ProposalRevision], { description: 'Every version, newest first.' })
  revisions?: ProposalRevision[];

  @Field(() => [ProposalStatusChange], { description: 'Status changes, oldest first.' })
  statusHistory?: ProposalStatusChange[];
}

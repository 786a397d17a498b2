import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type AmendableField as DomainAmendableField } from '@passerelle/domain';
import { AmendableField, AmendmentStatus, AmendmentVoteValue } from '../../../common/graphql/enums';
import { type Amendment as AmendmentRow } from '../../../generated/prisma/client';
import { DiffPart } from '../../briefs/publication/models/brief-version-diff.model';
import { Proposal } from '../../proposals/models/proposal.model';
import { Participant } from '../../users/models/participant.model';

export type AmendmentRecord = AmendmentRow;

/** What an erased amendment (its author erased their contributions) shows instead of its texts. */
export const ERASED_AMENDMENT = {
  title: 'Amendement effacé',
  summary: 'Son auteur·rice a supprimé son compte et effacé ses contributions.',
  body: 'Son auteur·rice a supprimé son compte et effacé ses contributions.',
  reason: 'Son auteur·rice a supprimé son compte et effacé ses contributions.',
} as const;

@ObjectType({
  description: 'Word-level differences of an amendment against the revision it was written on.',
})
export class AmendmentDiff {
  @Field(() => [DiffPart])
  title!: DiffPart[];

  @Field(() => [DiffPart])
  summary!: DiffPart[];

  @Field(() => [DiffPart], { description: 'Word diff of the Markdown source.' })
  body!: DiffPart[];

  @Field(() => [AmendableField], { description: 'The texts it changes, in reading order.' })
  changedFields!: DomainAmendableField[];
}

@ObjectType({
  description:
    "A participant's proposed change to a published proposal's title, summary or body, with a reason.",
})
export class Amendment {
  @Field(() => ID)
  id!: string;

  @Field(() => Proposal)
  proposal?: Proposal;

  @Field(() => Participant)
  author?: Participant;

  @Field(() => Int, { description: 'The proposal revision it was written against.' })
  baseVersion!: number;

  @Field({ description: 'The whole proposed title (unchanged texts repeat the base revision).' })
  title!: string;

  @Field()
  summary!: string;

  @Field({ description: 'The whole proposed body, Markdown source.' })
  body!: string;

  @Field({ description: 'Why its author proposes it.' })
  reason!: string;

  @Field(() => AmendmentStatus)
  status!: AmendmentStatus;

  @Field(() => Int)
  votesFor!: number;

  @Field(() => Int)
  votesAgainst!: number;

  @Field(() => AmendmentVoteValue, {
    nullable: true,
    description: "The viewer's vote; null when not voted or anonymous.",
  })
  viewerVote?: AmendmentVoteValue | null;

  @Field({
    description:
      'PENDING and the proposal has a newer revision than baseVersion: it must be rebased before it can be accepted.',
  })
  isOutdated?: boolean;

  @Field(() => AmendmentDiff, { description: 'Against revision baseVersion.' })
  diff?: AmendmentDiff;

  @Field(() => Int, { description: 'Bumped by each rebase; decisions send it as expectedVersion.' })
  version!: number;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => Participant, { nullable: true })
  decidedBy?: Participant | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required when a moderator decides in place of the proposal’s author.',
  })
  decisionReason!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The proposal revision it became, once accepted.',
  })
  appliedVersion?: number | null;

  @Field()
  createdAt!: Date;

  @Field({
    description: 'Signed in, not its author, PENDING, and the proposal open to amendments.',
  })
  viewerCanVote?: boolean;

  @Field({
    description:
      "PENDING and the viewer is the proposal's author, or moderates its consultation (platform or local).",
  })
  viewerCanDecide?: boolean;

  @Field({ description: 'The viewer wrote it: may rebase or withdraw it while PENDING.' })
  viewerIsAuthor?: boolean;
}

/** The row as the API shows it: an erased amendment's texts are a placeholder. */
export function amendmentView(row: AmendmentRecord): AmendmentRecord {
  return row.erasedAt ? { ...row, ...ERASED_AMENDMENT } : row;
}

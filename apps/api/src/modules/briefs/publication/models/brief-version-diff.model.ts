import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DiffPartKind, SectionChangeStatus } from '@passerelle/domain';
import { BriefVersionSummary, FrozenVoteFigures } from './published-brief.model';

// GraphQL names the members in capitals; their values are the domain's ('same', 'added', …).
registerEnumType(DiffPartKind, {
  name: 'DiffPartKind',
  description: 'What happened to a run of text between two versions.',
});
registerEnumType(SectionChangeStatus, {
  name: 'SectionChangeStatus',
  description: 'What became of a section between two versions.',
});

@ObjectType({ description: 'A run of text kept, added or removed, in reading order.' })
export class DiffPart {
  @Field(() => DiffPartKind)
  kind!: DiffPartKind;

  @Field()
  text!: string;
}

@ObjectType({ description: 'A citation added to or removed from a section, named by its source.' })
export class BriefCitationChange {
  @Field(() => ID, { nullable: true, description: 'The cited proposal; null for a comment.' })
  proposalId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The cited comment; null for a proposal.' })
  commentId!: string | null;

  @Field(() => ID, {
    description: 'The cited proposal, or the proposal the cited comment belongs to.',
  })
  sourceProposalId!: string;

  @Field()
  proposalTitle!: string;

  @Field(() => String, { nullable: true })
  quote!: string | null;
}

@ObjectType({ description: 'One section compared between two versions.' })
export class BriefSectionDiff {
  @Field(() => SectionChangeStatus)
  status!: SectionChangeStatus;

  @Field(() => Int, {
    nullable: true,
    description: '0-based position in the older version; null for an added section.',
  })
  fromPosition!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '0-based position in the newer version; null for a removed section.',
  })
  toPosition!: number | null;

  @Field(() => [DiffPart])
  title!: DiffPart[];

  @Field(() => [DiffPart], {
    description: 'Word diff of the synthesis Markdown source, with its [n] source markers.',
  })
  synthesis!: DiffPart[];

  @Field(() => [DiffPart])
  dissentNote!: DiffPart[];

  @Field(() => [BriefCitationChange])
  citationsAdded!: BriefCitationChange[];

  @Field(() => [BriefCitationChange])
  citationsRemoved!: BriefCitationChange[];
}

@ObjectType({
  description: 'The frozen votes of a proposal cited in both versions, at each publication.',
})
export class BriefFiguresChange {
  @Field(() => ID)
  proposalId!: string;

  @Field({ description: 'The title as frozen in the newer version.' })
  title!: string;

  @Field(() => FrozenVoteFigures)
  before!: FrozenVoteFigures;

  @Field(() => FrozenVoteFigures)
  after!: FrozenVoteFigures;

  @Field()
  isChanged!: boolean;
}

@ObjectType({ description: 'What changed from one published version of a brief to another.' })
export class BriefVersionDiff {
  @Field()
  slug!: string;

  @Field(() => BriefVersionSummary)
  from!: BriefVersionSummary;

  @Field(() => BriefVersionSummary)
  to!: BriefVersionSummary;

  @Field(() => [DiffPart])
  title!: DiffPart[];

  @Field(() => [DiffPart], { description: 'Word diff of the introduction Markdown source.' })
  introduction!: DiffPart[];

  @Field(() => [BriefSectionDiff], {
    description:
      "Sections in the newer version's order; a removed section follows those that preceded it.",
  })
  sections!: BriefSectionDiff[];

  @Field(() => [BriefFiguresChange], {
    description: 'Proposals cited in both versions, with their frozen votes at each publication.',
  })
  figures!: BriefFiguresChange[];

  @Field({ description: 'True when the text, sections or citations differ (figures aside).' })
  hasChanges!: boolean;
}

import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "One opinion group's votes on one proposal (clustered members only)." })
export class OpinionGroupVotes {
  @Field(() => Int)
  groupId!: number;

  @Field({ description: '"A", "B", …' })
  label!: string;

  @Field(() => Int, { description: 'Clustered members of the group.' })
  groupSize!: number;

  @Field(() => Int)
  agree!: number;

  @Field(() => Int)
  disagree!: number;

  @Field(() => Int, { description: 'NEUTRAL votes.' })
  pass!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Float, { description: 'Raw share of FOR, 0 to 1 (0 without votes).' })
  agreeShare!: number;

  @Field(() => Float, { description: 'Raw share of AGAINST, 0 to 1 (0 without votes).' })
  disagreeShare!: number;

  @Field(() => Float, { description: 'Raw share of NEUTRAL, 0 to 1 (0 without votes).' })
  passShare!: number;

  @Field(() => Float, {
    description: 'Smoothed share of FOR, (agree + 1) / (total + 2): what CONSENSUS multiplies.',
  })
  agreement!: number;

  @Field(() => Float, { description: 'Smoothed share of AGAINST, (disagree + 1) / (total + 2).' })
  disagreement!: number;
}

@ObjectType({ description: 'How the opinion groups of its consultation see a proposal.' })
export class ProposalOpinions {
  @Field()
  computedAt!: Date;

  @Field(() => Float, { description: 'Group-aware consensus, 0 to 1 (the CONSENSUS order).' })
  consensus!: number;

  @Field(() => Float, { description: 'Split between groups, 0 to 1 (the DIVISIVE order).' })
  divisiveness!: number;

  @Field(() => Int, {
    description: "1-based position in the consultation's public list under CONSENSUS.",
  })
  consensusRank!: number;

  @Field(() => Int, { description: '1-based position in the same list under DIVISIVE.' })
  divisiveRank!: number;

  @Field(() => Int, { description: 'Proposals in that list.' })
  rankedCount!: number;

  @Field(() => [OpinionGroupVotes])
  groups!: OpinionGroupVotes[];

  @Field({ description: 'One line in the request language on how the groups voted.' })
  explanation!: string;
}

@ObjectType()
export class OpinionGroupSummary {
  @Field(() => Int)
  groupId!: number;

  @Field()
  label!: string;

  @Field(() => Int, { description: 'Clustered members, whose votes make the figures.' })
  size!: number;

  @Field(() => Int, { description: 'All members, with participants placed by their few votes.' })
  totalSize!: number;
}

@ObjectType({ description: "The latest run of a consultation's opinion-groups job." })
export class ConsultationOpinionGroups {
  @Field()
  computedAt!: Date;

  @Field(() => Int)
  votesCount!: number;

  @Field(() => Int)
  groupCount!: number;

  @Field(() => Float, { nullable: true, description: 'Null for fewer than two groups.' })
  silhouette!: number | null;

  @Field(() => Int)
  participantsClustered!: number;

  @Field(() => Int)
  proposalsMapped!: number;

  @Field(() => [OpinionGroupSummary])
  groups!: OpinionGroupSummary[];

  @Field(() => OpinionGroupSummary, {
    nullable: true,
    description:
      "The viewer's own group; null when anonymous or not placed. Nobody else's group is ever readable.",
  })
  myGroup!: OpinionGroupSummary | null;
}

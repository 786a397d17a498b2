import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActorType } from '../../../../common/graphql/enums';
import { ConsultationScope } from '../../../consultations/models/consultation.model';
import { IndicatorUnit } from '../../../experiments/models/experiment.model';

@ObjectType({ description: 'The votes of one collège on a cited proposal, frozen at publication.' })
export class FrozenCollegeFigures {
  @Field(() => ActorType)
  actorType!: ActorType;

  @Field(() => Int)
  votesFor!: number;

  @Field(() => Int)
  votesAgainst!: number;

  @Field(() => Int)
  votesNeutral!: number;
}

@ObjectType({
  description: 'The votes on a cited proposal at publication; later votes never change them.',
})
export class FrozenVoteFigures {
  @Field(() => Int)
  votesFor!: number;

  @Field(() => Int)
  votesAgainst!: number;

  @Field(() => Int)
  votesNeutral!: number;

  @Field(() => [FrozenCollegeFigures])
  colleges!: FrozenCollegeFigures[];
}

@ObjectType({ description: 'A citation as published: a proposal or a comment on a proposal.' })
export class BriefVersionCitation {
  @Field(() => Int)
  position!: number;

  @Field(() => ID, { nullable: true })
  proposalId!: string | null;

  @Field(() => ID, { nullable: true })
  commentId!: string | null;

  @Field(() => String, { nullable: true, description: 'An exact extract of the source.' })
  quote!: string | null;

  @Field({ description: 'The cited proposal, or the proposal the cited comment belongs to.' })
  proposalTitle!: string;

  @Field(() => FrozenVoteFigures, {
    nullable: true,
    description: 'Frozen figures of a cited proposal; null for a comment.',
  })
  figures!: FrozenVoteFigures | null;
}

@ObjectType({ description: 'A section of a published version.' })
export class BriefVersionSection {
  @Field(() => Int)
  position!: number;

  @Field()
  title!: string;

  @Field({ description: 'The synthesis rendered to sanitised HTML.' })
  synthesisHtml!: string;

  @Field()
  dissentNote!: string;

  @Field(() => [BriefVersionCitation])
  citations!: BriefVersionCitation[];
}

@ObjectType({
  description:
    'Where a cited proposal was made, frozen at publication: its consultation, national or local (a territory, an organisation carrying the space).',
})
export class FrozenProvenance {
  @Field(() => ID)
  consultationId!: string;

  @Field()
  consultationTitle!: string;

  @Field()
  consultationSlug!: string;

  @Field(() => ConsultationScope)
  scope!: ConsultationScope;

  @Field(() => String, { nullable: true, description: "The consultation's territory." })
  territoryName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The organisation carrying the consultation (a PTCE…).',
  })
  organisationName!: string | null;
}

@ObjectType({
  description:
    'An indicator of a cited experiment with its newest checked figure at publication; later measurements never change it.',
})
export class FrozenIndicatorFigure {
  @Field()
  indicatorName!: string;

  @Field(() => IndicatorUnit)
  unit!: IndicatorUnit;

  @Field(() => Float, { nullable: true })
  baseline!: number | null;

  @Field(() => Float, { nullable: true, description: 'Null when no figure was checked.' })
  value!: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  measuredOn!: string | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true })
  sourceUrl!: string | null;
}

@ObjectType({
  description: 'An experiment cited by the cited proposals, in the annex of a published version.',
})
export class BriefAnnexExperiment {
  @Field(() => ID, { description: 'The experiment (its page may have changed since).' })
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'The organisation carrying it, at publication.' })
  organisationName!: string;

  @Field(() => [FrozenIndicatorFigure])
  figures!: FrozenIndicatorFigure[];

  @Field(() => [ID], { description: 'The cited proposals citing it.' })
  proposalIds!: string[];
}

@ObjectType({ description: 'One cited proposal in the annex of a published version.' })
export class BriefAnnexRow {
  @Field(() => ID)
  proposalId!: string;

  @Field()
  title!: string;

  @Field()
  territoryName!: string;

  @Field(() => ActorType, { description: "The author's collège (never the author's name)." })
  authorActorType!: ActorType;

  @Field(() => FrozenVoteFigures)
  figures!: FrozenVoteFigures;

  @Field(() => [Int], { description: 'Positions of the sections citing it.' })
  sectionPositions!: number[];

  @Field(() => FrozenProvenance, {
    nullable: true,
    description: 'Null for versions published before provenance was kept.',
  })
  provenance!: FrozenProvenance | null;

  @Field(() => [ID], { description: 'The experiments it cites (see BriefVersion.experiments).' })
  experimentIds!: string[];
}

@ObjectType({ description: 'Version n of a brief, frozen at its publication.' })
export class BriefVersion {
  @Field(() => Int)
  number!: number;

  @Field()
  publishedAt!: Date;

  @Field()
  title!: string;

  @Field()
  introductionHtml!: string;

  @Field(() => [BriefVersionSection])
  sections!: BriefVersionSection[];

  @Field(() => [BriefAnnexRow])
  annex!: BriefAnnexRow[];

  @Field(() => [BriefAnnexExperiment], {
    description:
      'Annex of the experiments cited by the cited proposals, figures frozen at publication (empty for versions published before issue 10).',
  })
  experiments!: BriefAnnexExperiment[];
}

@ObjectType({ description: 'A published version in the list of versions.' })
export class BriefVersionSummary {
  @Field(() => Int)
  number!: number;

  @Field()
  publishedAt!: Date;

  @Field()
  title!: string;
}

@ObjectType({ description: 'A published brief: only what was published, readable by everyone.' })
export class PublishedBrief {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field({ description: 'The title of the current version.' })
  title!: string;

  @Field(() => Int)
  publishedVersion!: number;

  @Field(() => BriefVersion)
  currentVersion!: BriefVersion;
}

@ObjectType({ description: 'A section of a published brief citing a proposal.' })
export class BriefCitationRef {
  @Field()
  briefSlug!: string;

  @Field()
  briefTitle!: string;

  @Field(() => Int)
  versionNumber!: number;

  @Field(() => Int)
  sectionPosition!: number;

  @Field()
  sectionTitle!: string;
}

import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, canTransitionProposal, type ProposalStatus } from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Loaders } from '../../common/graphql/graphql-context';
import { ConsultationsLoaders } from '../consultations/consultations.loaders';
import { type ConsultationRecord } from '../consultations/consultations.repository';
import { Consultation } from '../consultations/models/consultation.model';
import { Organisation } from '../organisations/models/organisation.model';
import { OrganisationsLoaders } from '../organisations/organisations.loaders';
import { type OrganisationRecord } from '../organisations/organisations.repository';
import { Territory } from '../territories/models/territory.model';
import { TerritoriesLoaders } from '../territories/territories.loaders';
import { type TerritoryRecord } from '../territories/territories.repository';
import { Theme } from '../themes/models/theme.model';
import { type ThemeRecord } from '../themes/themes.repository';
import { Participant } from '../users/models/participant.model';
import { UsersLoaders } from '../users/users.loaders';
import { type UserRecord } from '../users/users.repository';
import { ProposalRevision, ProposalStatusChange } from './models/proposal-history.model';
import { Proposal } from './models/proposal.model';
import { ProposalCoAuthorsService } from './proposal-coauthors.service';
import { ProposalsLoaders } from './proposals.loaders';
import { type ProposalRecord, type ProposalRevisionRecord } from './proposals.repository';
import { ProposalsService } from './proposals.service';

/** A related row that must exist (foreign key); missing means the database is inconsistent. */
export async function required<T>(value: Promise<T | null>, what: string): Promise<T> {
  const row = await value;
  if (row === null) throw new Error(`Missing ${what}`);
  return row;
}

export interface StatusChangeView {
  from: ProposalStatus | null;
  to: ProposalStatus;
  actorId: string;
  reason: string | null;
  at: Date;
}

/** The fields of a proposal, each batched per request (no N+1 in lists). */
@Resolver(() => Proposal)
export class ProposalFieldsResolver {
  constructor(
    private readonly service: ProposalsService,
    private readonly proposalLoaders: ProposalsLoaders,
    private readonly territoryLoaders: TerritoriesLoaders,
    private readonly userLoaders: UsersLoaders,
    private readonly organisationLoaders: OrganisationsLoaders,
    private readonly consultationLoaders: ConsultationsLoaders,
    private readonly coAuthors: ProposalCoAuthorsService,
  ) {}

  @ResolveField(() => String)
  bodyHtml(@Parent() proposal: ProposalRecord): string {
    return this.service.bodyHtml(proposal.bodyHtml, proposal.body);
  }

  /** The author or an accepted co-author (batched: no statement per proposal of a list). */
  @ResolveField(() => Boolean)
  canEdit(
    @Parent() proposal: ProposalRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    return this.coAuthors.canEdit(actor, proposal, loaders);
  }

  @ResolveField(() => Boolean, {
    description: 'A DRAFT and the viewer is its author: publishProposal publishes it.',
  })
  viewerCanPublish(@Parent() proposal: ProposalRecord, @CurrentUser() actor: Actor): boolean {
    // From DRAFT only: MERGED → PUBLISHED is a moderator undoing a merge, not a publication.
    return (
      proposal.status === 'DRAFT' &&
      canTransitionProposal('DRAFT', 'PUBLISHED', actor, {
        isAuthor: actor !== null && actor.id === proposal.authorId,
      })
    );
  }

  @ResolveField(() => [ProposalRevision])
  revisions(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProposalRevisionRecord[]> {
    return this.proposalLoaders.revisionsByProposalId(loaders).load(proposal.id);
  }

  @ResolveField(() => [ProposalStatusChange])
  async statusHistory(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<StatusChangeView[]> {
    const rows = await this.proposalLoaders.statusChangesByProposalId(loaders).load(proposal.id);
    return rows.map((row) => ({
      from: row.fromStatus,
      to: row.toStatus,
      actorId: row.actorId,
      reason: row.reason,
      at: row.createdAt,
    }));
  }

  @ResolveField(() => [Theme])
  themes(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ThemeRecord[]> {
    return this.proposalLoaders.themesByProposalId(loaders).load(proposal.id);
  }

  @ResolveField(() => Territory)
  territory(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TerritoryRecord> {
    return required(this.territoryLoaders.byId(loaders).load(proposal.territoryId), 'territory');
  }

  @ResolveField(() => Participant)
  author(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord> {
    return required(this.userLoaders.byId(loaders).load(proposal.authorId), 'author');
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OrganisationRecord | null> | null {
    return proposal.organisationId
      ? this.organisationLoaders.byId(loaders).load(proposal.organisationId)
      : null;
  }

  @ResolveField(() => Consultation)
  consultation(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ConsultationRecord> {
    return required(
      this.consultationLoaders.byId(loaders).load(proposal.consultationId),
      'consultation',
    );
  }
}

@Resolver(() => ProposalRevision)
export class ProposalRevisionsResolver {
  constructor(
    private readonly service: ProposalsService,
    private readonly userLoaders: UsersLoaders,
  ) {}

  @ResolveField(() => String)
  bodyHtml(@Parent() revision: ProposalRevisionRecord): string {
    return this.service.bodyHtml(revision.bodyHtml, revision.body);
  }

  @ResolveField(() => Participant)
  editor(
    @Parent() revision: ProposalRevisionRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord> {
    return required(this.userLoaders.byId(loaders).load(revision.editorId), 'editor');
  }
}

@Resolver(() => ProposalStatusChange)
export class ProposalStatusChangesResolver {
  constructor(private readonly userLoaders: UsersLoaders) {}

  @ResolveField(() => Participant)
  actor(
    @Parent() change: StatusChangeView,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord> {
    return required(this.userLoaders.byId(loaders).load(change.actorId), 'actor');
  }
}

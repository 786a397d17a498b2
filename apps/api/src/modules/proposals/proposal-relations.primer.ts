import { Injectable } from '@nestjs/common';
import { type Actor } from '@passerelle/domain';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { ConsultationsLoaders } from '../consultations/consultations.loaders';
import { OrganisationsLoaders } from '../organisations/organisations.loaders';
import { TerritoriesLoaders } from '../territories/territories.loaders';
import { UsersLoaders } from '../users/users.loaders';
import { VotesLoaders } from '../votes/votes.loaders';
import { type ProposalRelations } from './proposal-relations.sql';
import { ProposalsLoaders } from './proposals.loaders';

/**
 * Fills this request's DataLoaders with the relations a list statement already read, so the
 * fields of its rows (author, organisation, territory and its parent, themes, collège figures
 * and breadth, the viewer's vote) resolve without another statement. Fields asked elsewhere
 * keep loading in batches as before; priming never replaces a value already loaded.
 */
@Injectable()
export class ProposalRelationsPrimer {
  constructor(
    private readonly proposalLoaders: ProposalsLoaders,
    private readonly userLoaders: UsersLoaders,
    private readonly organisationLoaders: OrganisationsLoaders,
    private readonly territoryLoaders: TerritoriesLoaders,
    private readonly consultationLoaders: ConsultationsLoaders,
    private readonly votesLoaders: VotesLoaders,
  ) {}

  prime(loaders: LoaderRegistry, relations: readonly ProposalRelations[], actor: Actor): void {
    const users = this.userLoaders.byId(loaders);
    const organisations = this.organisationLoaders.byId(loaders);
    const territories = this.territoryLoaders.byId(loaders);
    const consultations = this.consultationLoaders.byId(loaders);
    const themes = this.proposalLoaders.themesByProposalId(loaders);
    const collegeCounts = this.votesLoaders.collegeCounts(loaders);
    const myVotes = actor ? this.votesLoaders.myVote(loaders, actor.id) : null;
    for (const row of relations) {
      if (row.author) users.prime(row.author.id, row.author);
      if (row.organisation) organisations.prime(row.organisation.id, row.organisation);
      for (const territory of row.territories) territories.prime(territory.id, territory);
      if (row.consultation) consultations.prime(row.consultation.id, row.consultation);
      themes.prime(row.proposalId, row.themes);
      collegeCounts.prime(row.proposalId, row.collegeCounts);
      // Only the vote read for this very viewer (the list statement was given its id).
      if (myVotes && row.myVote !== undefined) myVotes.prime(row.proposalId, row.myVote);
    }
  }
}

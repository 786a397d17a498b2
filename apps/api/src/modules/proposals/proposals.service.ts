import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertCan,
  assertCanEditProposal,
  assertCurrentVersion,
  assertPhaseOpen,
  can,
  DomainError,
  DomainErrorCode,
  EDITABLE_PROPOSAL_STATUSES,
  type FieldError,
  isContentVisibleTo,
  canReadProposal,
  publishProposalInputSchema,
  isPubliclyVisible,
  type Language,
  parseConsultationSettings,
  proposalScores,
  shouldHoldForReview,
  submitProposalInputSchema,
  transitionProposal,
  updateProposalInputSchema,
  validateInput,
  withdrawProposalInputSchema,
  type SubmitProposalInput,
} from '@passerelle/domain';
import { isUuid, unknownReference } from '../../common/graphql/ids';
import { renderMarkdown } from '../../common/markdown/markdown';
import { RealtimeService } from '../../common/realtime/realtime.service';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { ConsultationsRepository } from '../consultations/consultations.repository';
import { ViewerModeration } from '../consultations/viewer-moderation';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { TerritoriesRepository } from '../territories/territories.repository';
import { ThemesRepository } from '../themes/themes.repository';
import { ProposalCoAuthorsRepository } from './proposal-coauthors.repository';
import { ProposalExperimentsRepository } from './proposal-experiments.repository';
import {
  type ProposalRecord,
  ProposalsRepository,
  type ProposalWithRelations,
} from './proposals.repository';

type ProposalContent = Pick<
  SubmitProposalInput,
  | 'title'
  | 'summary'
  | 'body'
  | 'themeIds'
  | 'territoryId'
  | 'competentLevel'
  | 'lever'
  | 'experiment'
  | 'measuredImpact'
>;

/** What an author writes, as stored: the Markdown is rendered and sanitised once, here. */
function contentOf(data: ProposalContent) {
  return {
    title: data.title,
    summary: data.summary,
    body: data.body,
    bodyHtml: renderMarkdown(data.body),
    themeIds: data.themeIds,
    territoryId: data.territoryId,
    competentLevel: data.competentLevel,
    lever: data.lever,
    experiment: data.experiment ?? null,
    measuredImpact: data.measuredImpact ?? null,
  };
}

@Injectable()
export class ProposalsService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly consultations: ConsultationsRepository,
    private readonly themes: ThemesRepository,
    private readonly territories: TerritoriesRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly realtime: RealtimeService,
    private readonly citations: ProposalExperimentsRepository,
    private readonly viewer: ViewerModeration,
    private readonly coAuthors: ProposalCoAuthorsRepository,
  ) {}

  /**
   * A public proposal, or any proposal of its own author (drafts, withdrawn ones) or of one its
   * author invited to co-write it.
   */
  async get(actor: Actor, id: string, lang: Language): Promise<ProposalRecord> {
    const proposal = isUuid(id) ? await this.proposals.findById(id) : null;
    if (!proposal || !(await this.isReadableBy(actor, proposal))) {
      throw new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    }
    return proposal;
  }

  /**
   * Like `get`, with what the proposal's fields read through DataLoaders, fetched by the same
   * statement (the resolver primes the loaders with it).
   */
  async getWithRelations(
    actor: Actor,
    id: string,
    lang: Language,
    history?: { revisions: boolean; statusChanges: boolean },
    loaders?: LoaderRegistry,
  ): Promise<ProposalWithRelations> {
    const found = isUuid(id)
      ? await this.proposals.findByIdWithRelations(id, actor?.id ?? null, history)
      : null;
    if (loaders && found?.viewerModeration) {
      this.viewer.prime(loaders, found.proposal.consultationId, found.viewerModeration);
    }
    if (!found || !(await this.isVisibleOnPage(actor, found.proposal, loaders))) {
      throw new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    }
    return found;
  }

  /**
   * The page also opens a hidden proposal to the local moderators of its consultation (what the
   * proposal's statement read of the viewer, primed above; else one read shared by the request),
   * only for a hidden public proposal and a signed-in viewer neither its author nor a platform
   * moderator.
   */
  private async isVisibleOnPage(
    actor: Actor,
    proposal: ProposalRecord,
    loaders: LoaderRegistry | undefined,
  ): Promise<boolean> {
    if (await this.isReadableBy(actor, proposal)) return true;
    if (!loaders || actor === null || !isPubliclyVisible(proposal.status)) return false;
    if (proposal.hiddenAt === null || can(actor, 'moderation.act')) return false;
    const moderation = await this.viewer.in(actor, proposal.consultationId, loaders);
    return isContentVisibleTo(actor, proposal, moderation);
  }

  /** The stored HTML, or the body rendered now for rows written before bodyHtml existed. */
  bodyHtml(stored: string, body: string): string {
    return stored || !body ? stored : renderMarkdown(body);
  }

  /**
   * Submits a proposal: permission, input rules, the consultation's PROPOSING phase, the
   * referenced themes, territory and organisation, then one transaction that writes the proposal,
   * its themes, revision 1 and its first status change. With pre-moderation, a participant's
   * first contribution waits hidden for a moderator.
   */
  async submit(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<ProposalRecord> {
    assertCan(actor, 'proposal.submit');
    const author = actor as NonNullable<Actor>;
    const data = validateInput(submitProposalInputSchema, input, lang);

    const consultation = await this.consultations.findWithPhases(data.consultationId);
    if (!consultation) {
      throw unknownReference('consultationId', DomainErrorCode.CONSULTATION_NOT_FOUND, lang);
    }
    assertPhaseOpen(consultation.phases, 'PROPOSING', now);

    const organisationId = data.organisationId ?? null;
    await this.assertReferencesExist(data.themeIds, data.territoryId, organisationId, lang);
    await this.assertExperimentsExist(data.experimentIds, lang);
    if (organisationId && !(await this.organisations.isMember(author.id, organisationId))) {
      throw new DomainError(DomainErrorCode.NOT_A_MEMBER, undefined, lang);
    }

    const isDraft = data.asDraft === true;
    const change = transitionProposal({
      from: null,
      to: isDraft ? 'DRAFT' : 'PUBLISHED',
      actor,
      isAuthor: true,
      at: now,
    });
    const settings = parseConsultationSettings(consultation.settings);
    const proposal = await this.proposals.createWithHistory(
      {
        consultationId: consultation.id,
        authorId: author.id,
        organisationId,
        ...contentOf(data),
        experimentIds: data.experimentIds ?? [],
        status: change.to,
        publishedAt: isDraft ? null : now,
        // A new proposal enters the HOT list by its age, before any vote (a draft when published).
        ...proposalScores({ votesFor: 0, votesAgainst: 0, votesNeutral: 0 }, now),
      },
      change,
      isDraft ? null : (authorState) => shouldHoldForReview(settings, authorState),
    );
    // After the commit: moderators see a proposal held by pre-moderation enter the queue.
    if (proposal.awaitingReview)
      await this.realtime.publish('moderation-queue', { kind: 'QUEUED' });
    return proposal;
  }

  /**
   * Its author publishes a draft (co-authors do not: PROPOSAL_NOT_FOUND for others, as for an
   * unknown id; NOT_ALLOWED for a co-author; ILLEGAL_TRANSITION once published) while the
   * consultation's PROPOSING phase is open. Like a submission: dated now, and held for review by
   * pre-moderation when its author has never had a contribution published.
   */
  async publish(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<ProposalRecord> {
    if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    const data = validateInput(publishProposalInputSchema, input, lang);
    const proposal = await this.get(actor, data.proposalId, lang);
    const change = transitionProposal({
      from: proposal.status,
      to: 'PUBLISHED',
      actor,
      isAuthor: proposal.authorId === actor.id,
      at: now,
    });
    const consultation = await this.consultations.findWithPhases(proposal.consultationId);
    if (!consultation) throw new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    assertPhaseOpen(consultation.phases, 'PROPOSING', now);
    const settings = parseConsultationSettings(consultation.settings);
    const published = await this.proposals.publishDraft(
      proposal.id,
      proposal.authorId,
      change,
      proposalScores(proposal, now),
      (authorState) => shouldHoldForReview(settings, authorState),
    );
    // Published meanwhile by another request: the second is refused as the transition would be.
    if (!published) throw new DomainError(DomainErrorCode.ILLEGAL_TRANSITION, undefined, lang);
    if (published.awaitingReview) {
      await this.realtime.publish('moderation-queue', { kind: 'QUEUED' });
    }
    return published;
  }

  /**
   * The author edits a proposal: input rules, the editing rule (author, editable status), the
   * version edited, the referenced themes and territory, then one guarded transaction that
   * bumps the version, replaces the themes and keeps the new revision.
   */
  async update(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<ProposalRecord> {
    if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    const data = validateInput(updateProposalInputSchema, input, lang);
    const proposal = await this.get(actor, data.proposalId, lang);
    // Accepted co-authors edit as the author does (issue 11); the revision names its editor.
    const coAuthorIds = await this.coAuthors.acceptedIds(proposal.id);
    assertCanEditProposal(actor, { ...proposal, coAuthorIds });
    assertCurrentVersion(data.expectedVersion, proposal.version);
    await this.assertReferencesExist(data.themeIds, data.territoryId, null, lang);
    await this.assertExperimentsExist(data.experimentIds, lang);

    const updated = await this.proposals.updateWithRevision(
      proposal.id,
      data.expectedVersion,
      EDITABLE_PROPOSAL_STATUSES,
      // Null or absent: the cited experiments stay as they are; a list replaces them.
      { ...contentOf(data), experimentIds: data.experimentIds ?? null },
      actor.id,
      now,
    );
    // Someone else's edit (or a status change) landed between the read and the write.
    if (!updated) throw new DomainError(DomainErrorCode.STALE_VERSION, undefined, lang);
    return updated;
  }

  /** The author withdraws a proposal, through the state machine, with an optional reason. */
  async withdraw(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<ProposalRecord> {
    if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    const data = validateInput(withdrawProposalInputSchema, input, lang);
    const proposal = await this.get(actor, data.proposalId, lang);
    assertCan(actor, 'proposal.withdraw', { ownerId: proposal.authorId });
    const change = transitionProposal({
      from: proposal.status,
      to: 'WITHDRAWN',
      actor,
      isAuthor: proposal.authorId === actor.id,
      reason: data.reason,
      at: now,
    });
    const withdrawn = await this.proposals.changeStatus(proposal.id, change);
    if (!withdrawn) throw new DomainError(DomainErrorCode.ILLEGAL_TRANSITION, undefined, lang);
    return withdrawn;
  }

  /**
   * The domain's `canReadProposal`: the reader's invitation or co-authorship is read only for a
   * proposal that is not public and not theirs (a draft they were invited to co-write).
   */
  private async isReadableBy(actor: Actor, proposal: ProposalRecord): Promise<boolean> {
    if (canReadProposal(actor, proposal)) return true;
    if (actor === null || isPubliclyVisible(proposal.status)) return false;
    const [status] = await this.coAuthors.findStatusesOf(actor.id, [proposal.id]);
    return canReadProposal(actor, proposal, status ?? null);
  }

  /**
   * Every cited experiment exists, or EXPERIMENT_NOT_FOUND naming each unknown one by its
   * position (`experimentIds.2`), before anything is written.
   */
  private async assertExperimentsExist(
    experimentIds: readonly string[] | null | undefined,
    lang: Language,
  ): Promise<void> {
    if (!experimentIds?.length) return;
    const known = await this.citations.existingIds(experimentIds);
    const unknown: FieldError[] = experimentIds.flatMap((experimentId, index) =>
      known.has(experimentId)
        ? []
        : (unknownReference(`experimentIds.${index}`, DomainErrorCode.EXPERIMENT_NOT_FOUND, lang)
            .fields ?? []),
    );
    if (unknown.length > 0) {
      throw new DomainError(DomainErrorCode.EXPERIMENT_NOT_FOUND, unknown, lang);
    }
  }

  private async assertReferencesExist(
    themeIds: string[],
    territoryId: string,
    organisationId: string | null,
    lang: Language,
  ): Promise<void> {
    const [themes, isTerritoryKnown, isOrganisationKnown] = await Promise.all([
      this.themes.findByIds(themeIds),
      this.territories.exists(territoryId),
      organisationId ? this.organisations.exists(organisationId) : Promise.resolve(true),
    ]);
    const unknown: FieldError[] = [];
    const field = (name: string, code: Extract<DomainErrorCode, `${string}_NOT_FOUND`>) =>
      unknown.push(...(unknownReference(name, code, lang).fields ?? []));
    themes.forEach((theme, index) => {
      if (!theme) field(`themeIds.${index}`, DomainErrorCode.THEME_NOT_FOUND);
    });
    if (unknown.length > 0) {
      unknown.unshift(...(unknownReference('themeIds', 'THEME_NOT_FOUND', lang).fields ?? []));
    }
    if (!isTerritoryKnown) field('territoryId', DomainErrorCode.TERRITORY_NOT_FOUND);
    if (!isOrganisationKnown) field('organisationId', DomainErrorCode.ORGANISATION_NOT_FOUND);
    if (unknown.length > 0) throw new DomainError(DomainErrorCode.INVALID_INPUT, unknown, lang);
  }
}

import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertCan,
  assertPhaseOpen,
  DomainError,
  DomainErrorCode,
  type FieldError,
  errorMessage,
  type Language,
  submitProposalInputSchema,
  transitionProposal,
  validateInput,
} from '@passerelle/domain';
import { invalidArgument, isUuid } from '../../common/graphql/ids';
import { ConsultationsRepository } from '../consultations/consultations.repository';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { TerritoriesRepository } from '../territories/territories.repository';
import { ThemesRepository } from '../themes/themes.repository';
import {
  PROPOSALS_PAGE_DEFAULT,
  PROPOSALS_PAGE_MAX,
  type ProposalsArgs,
} from './dto/proposals.args';
import { decodeCursor, encodeCursor } from './proposal-cursor';
import { type ProposalRecord, ProposalsRepository } from './proposals.repository';

export interface ProposalPage {
  edges: { cursor: string; node: ProposalRecord }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const notFoundField = (field: string, code: DomainErrorCode, lang: Language): FieldError => ({
  field,
  rule: 'exists',
  message: errorMessage(code, lang),
});

@Injectable()
export class ProposalsService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly consultations: ConsultationsRepository,
    private readonly themes: ThemesRepository,
    private readonly territories: TerritoriesRepository,
    private readonly organisations: OrganisationsRepository,
  ) {}

  /** A page of publicly visible proposals. */
  async list(args: ProposalsArgs, lang: Language): Promise<ProposalPage> {
    const first = args.first ?? PROPOSALS_PAGE_DEFAULT;
    const order = args.order ?? 'NEWEST';
    if (!Number.isInteger(first) || first < 1 || first > PROPOSALS_PAGE_MAX) {
      throw invalidArgument(
        'first',
        'range',
        {
          fr: `Demandez entre 1 et ${PROPOSALS_PAGE_MAX} propositions par page.`,
          en: `Ask for 1 to ${PROPOSALS_PAGE_MAX} proposals per page.`,
        },
        lang,
      );
    }
    const after = args.after ? decodeCursor(args.after) : null;
    if (args.after && !after) {
      throw invalidArgument(
        'after',
        'cursor',
        {
          fr: 'Curseur invalide : reprenez la liste depuis le début.',
          en: 'Invalid cursor: start the list again from the beginning.',
        },
        lang,
      );
    }
    if (args.consultationId && !isUuid(args.consultationId)) {
      throw invalidArgument(
        'consultationId',
        'id',
        { fr: 'Identifiant de consultation invalide.', en: 'Invalid consultation id.' },
        lang,
      );
    }
    const filter = { consultationId: args.consultationId, themeSlug: args.themeSlug };
    const [rows, totalCount] = await Promise.all([
      this.proposals.findPublicPage({ ...filter, after, order, take: first + 1 }),
      this.proposals.countPublic(filter),
    ]);
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({ cursor: encodeCursor(node), node }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount,
    };
  }

  async get(id: string, lang: Language): Promise<ProposalRecord> {
    const proposal = isUuid(id) ? await this.proposals.findPublicById(id) : null;
    if (!proposal) throw new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    return proposal;
  }

  /**
   * Submits a proposal: permission, input rules, the consultation's PROPOSING phase, the
   * referenced themes, territory and organisation, then one transaction that writes the proposal,
   * its themes, revision 1 and its first status change.
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
      throw new DomainError(
        DomainErrorCode.INVALID_INPUT,
        [notFoundField('consultationId', DomainErrorCode.CONSULTATION_NOT_FOUND, lang)],
        lang,
      );
    }
    assertPhaseOpen(consultation.phases, 'PROPOSING', now);

    const organisationId = data.organisationId ?? null;
    const [themes, isTerritoryKnown, isOrganisationKnown] = await Promise.all([
      this.themes.findByIds(data.themeIds),
      this.territories.exists(data.territoryId),
      organisationId ? this.organisations.exists(organisationId) : Promise.resolve(true),
    ]);
    const unknown: FieldError[] = [];
    themes.forEach((theme, index) => {
      if (!theme)
        unknown.push(notFoundField(`themeIds.${index}`, DomainErrorCode.THEME_NOT_FOUND, lang));
    });
    if (unknown.length > 0)
      unknown.unshift(notFoundField('themeIds', DomainErrorCode.THEME_NOT_FOUND, lang));
    if (!isTerritoryKnown)
      unknown.push(notFoundField('territoryId', DomainErrorCode.TERRITORY_NOT_FOUND, lang));
    if (!isOrganisationKnown) {
      unknown.push(notFoundField('organisationId', DomainErrorCode.ORGANISATION_NOT_FOUND, lang));
    }
    if (unknown.length > 0) throw new DomainError(DomainErrorCode.INVALID_INPUT, unknown, lang);

    if (organisationId && !(await this.organisations.isMember(author.id, organisationId))) {
      throw new DomainError(DomainErrorCode.NOT_A_MEMBER, undefined, lang);
    }

    const change = transitionProposal({
      from: null,
      to: 'PUBLISHED',
      actor,
      isAuthor: true,
      at: now,
    });
    return this.proposals.createWithHistory(
      {
        consultationId: consultation.id,
        authorId: author.id,
        organisationId,
        title: data.title,
        summary: data.summary,
        body: data.body,
        themeIds: data.themeIds,
        territoryId: data.territoryId,
        competentLevel: data.competentLevel,
        lever: data.lever,
        experiment: data.experiment ?? null,
        measuredImpact: data.measuredImpact ?? null,
        status: change.to,
        publishedAt: change.to === 'PUBLISHED' ? now : null,
      },
      change,
    );
  }
}

import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertCanEditExperiment,
  DomainError,
  DomainErrorCode,
  type FieldError,
  type Language,
  parseRecordExperimentInput,
  parseUpdateExperimentInput,
} from '@passerelle/domain';
import { invalidArgument, isUuid, unknownReference } from '../../common/graphql/ids';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { TerritoriesRepository } from '../territories/territories.repository';
import { ThemesRepository } from '../themes/themes.repository';
import { EXPERIMENTS_PAGE_MAX, EXPERIMENTS_QUERY_MAX } from './dto/experiment.inputs';
import { decodeExperimentCursor, encodeExperimentCursor } from './experiment-cursor';
import {
  type ExperimentChangeRecord,
  type ExperimentListFilter,
  ExperimentListRepository,
} from './experiment-list.repository';
import {
  type ExperimentContent,
  type ExperimentRecord,
  ExperimentsRepository,
} from './experiments.repository';

const HISTORY_PAGE_MAX = 50;

export interface ExperimentPage {
  nodes: ExperimentRecord[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface ExperimentChangePage {
  nodes: ExperimentChangeRecord[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The registry's use cases on experiments themselves (figures: ExperimentFiguresService). */
@Injectable()
export class ExperimentsService {
  constructor(
    private readonly experiments: ExperimentsRepository,
    private readonly lists: ExperimentListRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly themes: ThemesRepository,
    private readonly territories: TerritoriesRepository,
  ) {}

  /** A page of the registry, most recently updated first, with the count of matches. */
  async list(
    filter: ExperimentListFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    lang: Language,
  ): Promise<ExperimentPage> {
    const clean = this.checkFilter(filter, lang);
    const take = first ?? 20;
    if (!Number.isInteger(take) || take < 1 || take > EXPERIMENTS_PAGE_MAX) {
      throw invalidArgument(
        'first',
        'range',
        {
          fr: `Indiquez une taille de page de 1 à ${EXPERIMENTS_PAGE_MAX}.`,
          en: `Give a page size from 1 to ${EXPERIMENTS_PAGE_MAX}.`,
        },
        lang,
      );
    }
    const cursor = after ? decodeExperimentCursor(after) : null;
    if (after && !cursor) throw badCursor(lang);
    const [rows, totalCount] = await Promise.all([
      this.lists.page(clean, cursor, take + 1),
      this.lists.count(clean),
    ]);
    const nodes = rows.slice(0, take);
    const last = nodes.at(-1);
    return {
      nodes,
      totalCount,
      pageInfo: {
        hasNextPage: rows.length > take,
        endCursor: last ? encodeExperimentCursor({ at: last.updatedAt, id: last.id }) : null,
      },
    };
  }

  /** The map: how many matching experiments each département holds. */
  byDepartement(filter: ExperimentListFilter | null | undefined, lang: Language) {
    return this.lists.countByDepartement(this.checkFilter(filter, lang));
  }

  /** Any experiment (the registry is public); null when there is none with this id. */
  async get(id: string): Promise<ExperimentRecord | null> {
    return isUuid(id) ? this.experiments.findById(id) : null;
  }

  /** An experiment's changes, newest first. */
  async history(
    experimentId: string,
    first: number | null | undefined,
    after: string | null | undefined,
    lang: Language,
  ): Promise<ExperimentChangePage> {
    const take = Math.min(Math.max(first ?? 20, 1), HISTORY_PAGE_MAX);
    const cursor = after ? decodeExperimentCursor(after) : null;
    if (after && !cursor) throw badCursor(lang);
    const rows = await this.lists.history(experimentId, cursor, take + 1);
    const nodes = rows.slice(0, take);
    const last = nodes.at(-1);
    return {
      nodes,
      pageInfo: {
        hasNextPage: rows.length > take,
        endCursor: last ? encodeExperimentCursor({ at: last.createdAt, id: last.id }) : null,
      },
    };
  }

  /**
   * Records an experiment for an organisation the actor is a member of: input rules, the
   * referenced organisations, territories and themes, membership, then one transaction that
   * writes it with its relations and its first history row.
   */
  async record(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<ExperimentRecord> {
    const user = signedIn(actor, lang);
    const data = parseRecordExperimentInput(input, now, lang);
    await this.assertReferencesExist(data, data.organisationId, lang);
    const membership = await this.organisations.findMembership(user.id, data.organisationId);
    assertCanEditExperiment(membership);
    return this.experiments.create(data.organisationId, contentOf(data), {
      actorId: user.id,
      at: now,
    });
  }

  /**
   * A member changes an experiment made on `expectedVersion`: a change made meanwhile answers
   * STALE_VERSION and nothing is written (the UPDATE is guarded by the version).
   */
  async update(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<ExperimentRecord> {
    const user = signedIn(actor, lang);
    const data = parseUpdateExperimentInput(input, now, lang);
    const experiment = await this.get(data.experimentId);
    if (!experiment) throw new DomainError(DomainErrorCode.EXPERIMENT_NOT_FOUND, undefined, lang);
    assertCanEditExperiment(
      await this.organisations.findMembership(user.id, experiment.organisationId),
    );
    if (experiment.version !== data.expectedVersion) {
      throw new DomainError(DomainErrorCode.STALE_VERSION, undefined, lang);
    }
    await this.assertReferencesExist(data, experiment.organisationId, lang);
    const updated = await this.experiments.update(
      experiment.id,
      data.expectedVersion,
      contentOf(data),
      { actorId: user.id, at: now },
    );
    // Someone else's change landed between the read and the write.
    if (!updated) throw new DomainError(DomainErrorCode.STALE_VERSION, undefined, lang);
    return updated;
  }

  /** The filter with its ids checked and its query trimmed (INVALID_INPUT otherwise). */
  private checkFilter(
    filter: ExperimentListFilter | null | undefined,
    lang: Language,
  ): ExperimentListFilter {
    const query = filter?.query?.trim() || null;
    if (query && query.length > EXPERIMENTS_QUERY_MAX) {
      throw invalidArgument(
        'filter.query',
        'maxLength',
        {
          fr: `La recherche fait au plus ${EXPERIMENTS_QUERY_MAX} caractères.`,
          en: `The search is at most ${EXPERIMENTS_QUERY_MAX} characters long.`,
        },
        lang,
      );
    }
    if (filter?.themeId && !isUuid(filter.themeId)) {
      throw unknownReference('filter.themeId', DomainErrorCode.THEME_NOT_FOUND, lang);
    }
    return { ...filter, query };
  }

  /**
   * Every referenced organisation, territory and theme exists, and the carrier is not its own
   * partner: INVALID_INPUT naming each wrong field otherwise.
   */
  private async assertReferencesExist(
    data: { territoryIds: string[]; partnerOrganisationIds: string[]; themeIds: string[] },
    carrierId: string,
    lang: Language,
  ): Promise<void> {
    const [carrier, partners, territories, themes] = await Promise.all([
      this.organisations.findByIds([carrierId]),
      data.partnerOrganisationIds.length > 0
        ? this.organisations.findByIds(data.partnerOrganisationIds)
        : Promise.resolve([]),
      this.territories.findByIds(data.territoryIds),
      this.themes.findByIds(data.themeIds),
    ]);
    const unknown: FieldError[] = [];
    const field = (name: string, code: Extract<DomainErrorCode, `${string}_NOT_FOUND`>) =>
      unknown.push(...(unknownReference(name, code, lang).fields ?? []));
    if (!carrier[0]) field('organisationId', DomainErrorCode.ORGANISATION_NOT_FOUND);
    partners.forEach((partner, index) => {
      if (!partner)
        field(`partnerOrganisationIds.${index}`, DomainErrorCode.ORGANISATION_NOT_FOUND);
    });
    data.partnerOrganisationIds.forEach((id, index) => {
      if (id === carrierId) {
        unknown.push({
          field: `partnerOrganisationIds.${index}`,
          rule: 'notCarrier',
          message:
            lang === 'fr'
              ? 'L’organisation porteuse ne peut pas être aussi partenaire.'
              : 'The carrying organisation cannot also be a partner.',
        });
      }
    });
    territories.forEach((territory, index) => {
      if (!territory) field(`territoryIds.${index}`, DomainErrorCode.TERRITORY_NOT_FOUND);
    });
    themes.forEach((theme, index) => {
      if (!theme) field(`themeIds.${index}`, DomainErrorCode.THEME_NOT_FOUND);
    });
    if (unknown.length > 0) throw new DomainError(DomainErrorCode.INVALID_INPUT, unknown, lang);
  }
}

const contentOf = (data: ExperimentContent): ExperimentContent => ({
  name: data.name,
  description: data.description,
  status: data.status,
  startedOn: data.startedOn,
  endedOn: data.endedOn,
  links: data.links,
  territoryIds: data.territoryIds,
  partnerOrganisationIds: data.partnerOrganisationIds,
  themeIds: data.themeIds,
});

/** The signed-in actor (SIGN_IN_REQUIRED otherwise). */
export function signedIn(actor: Actor, lang: Language): NonNullable<Actor> {
  if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
  return actor;
}

const badCursor = (lang: Language) =>
  invalidArgument(
    'after',
    'cursor',
    {
      fr: 'Ce curseur n’est pas valide : repartez de la première page.',
      en: 'This cursor is not valid: start again from the first page.',
    },
    lang,
  );

import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertCan,
  DomainError,
  DomainErrorCode,
  type Language,
} from '@passerelle/domain';
import { invalidArgument, isUuid } from '../../common/graphql/ids';
import { type ConsultationRecord } from '../consultations/consultations.repository';
import { assembleDashboard, type DashboardFigures } from './dashboard-assembly';
import { DashboardPeriod, type DashboardScope, isDashboardPeriod } from './dashboard-cells';
import { DashboardRepository } from './dashboard.repository';

export interface DashboardQuery {
  consultationId?: string | null;
  period?: string | null;
}

/** A dashboard as the resolver returns it (records where other GraphQL types nest). */
export interface DashboardResult extends DashboardFigures {
  scope: DashboardScope;
  consultation: ConsultationRecord | null;
  period: DashboardPeriod;
  generatedAt: Date;
}

const PERIODS = Object.keys(DashboardPeriod).join(', ');

/**
 * How long a PUBLIC dashboard is served from memory. Anyone may ask for it and it reads every
 * vote of its scope, so repeated reads within this window cost nothing (and concurrent ones share
 * one query); curators always get fresh figures. `generatedAt` says how old the figures are.
 */
export const PUBLIC_DASHBOARD_TTL_MS = 30_000;
/** Bound on the cached entries (consultations × periods); the oldest go first. */
const PUBLIC_DASHBOARD_CACHE_SIZE = 500;

/**
 * The participation dashboard of a consultation or of the whole platform: PUBLIC for anyone,
 * CURATOR (exact counts) for those the domain allows `dashboard.readExact`.
 */
@Injectable()
export class DashboardService {
  private readonly publicCache = new Map<
    string,
    { expiresAt: number; result: Promise<DashboardResult> }
  >();

  constructor(private readonly repository: DashboardRepository) {}

  /** The PUBLIC scope, from the cache when a reading younger than the TTL exists. */
  publicDashboard(query: DashboardQuery, lang: Language): Promise<DashboardResult> {
    const key = `${query.consultationId ?? ''}|${query.period ?? DashboardPeriod.WEEK}`;
    const now = Date.now();
    const cached = this.publicCache.get(key);
    if (cached && cached.expiresAt > now) return cached.result;
    const result = this.dashboard('PUBLIC', query, lang);
    // Errors (unknown consultation, bad period) are never cached: they are cheap and localised.
    result.catch(() => this.publicCache.delete(key));
    this.publicCache.delete(key);
    this.publicCache.set(key, { expiresAt: now + PUBLIC_DASHBOARD_TTL_MS, result });
    if (this.publicCache.size > PUBLIC_DASHBOARD_CACHE_SIZE) {
      const oldest = this.publicCache.keys().next();
      if (!oldest.done) this.publicCache.delete(oldest.value);
    }
    return result;
  }

  /** The CURATOR scope; SIGN_IN_REQUIRED / NOT_ALLOWED before anything is read. */
  curatorDashboard(actor: Actor, query: DashboardQuery, lang: Language): Promise<DashboardResult> {
    assertCan(actor, 'dashboard.readExact');
    return this.dashboard('CURATOR', query, lang);
  }

  async dashboard(
    scope: DashboardScope,
    query: DashboardQuery,
    lang: Language,
    now = new Date(),
  ): Promise<DashboardResult> {
    const period = query.period ?? DashboardPeriod.WEEK;
    if (!isDashboardPeriod(period)) {
      throw invalidArgument(
        'period',
        'oneOf',
        {
          fr: `Période inconnue : ${PERIODS} attendue.`,
          en: `Unknown period: expected ${PERIODS}.`,
        },
        lang,
      );
    }
    const consultation = await this.consultationOf(query.consultationId ?? null, lang);
    const rows = await this.repository.aggregate(consultation?.id ?? null, period);
    return { ...assembleDashboard(rows, scope), scope, consultation, period, generatedAt: now };
  }

  /** The consultation asked for; NOT_FOUND (CONSULTATION_NOT_FOUND) when it does not exist. */
  private async consultationOf(
    id: string | null,
    lang: Language,
  ): Promise<ConsultationRecord | null> {
    if (id === null) return null;
    const consultation = isUuid(id) ? await this.repository.findConsultation(id) : null;
    if (!consultation) {
      throw new DomainError(DomainErrorCode.CONSULTATION_NOT_FOUND, undefined, lang);
    }
    return consultation;
  }
}

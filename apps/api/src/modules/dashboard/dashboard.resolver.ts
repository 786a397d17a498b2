import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { CurrentUser, Public } from '../../common/auth/auth.decorators';
import { Lang } from '../../common/graphql/graphql-context';
import { DashboardPeriod, type DashboardPeriod as DashboardPeriodValue } from './dashboard-cells';
import { type DashboardResult, DashboardService } from './dashboard.service';
import { ParticipationDashboard } from './models/dashboard.model';

const ERRORS =
  'NOT_FOUND (reason CONSULTATION_NOT_FOUND) for an unknown consultationId; without it, the whole platform.';

@Resolver(() => ParticipationDashboard)
export class DashboardResolver {
  constructor(private readonly service: DashboardService) {}

  @Public()
  @Query(() => ParticipationDashboard, {
    description: `Public, no personal data: small cells suppressed. ${ERRORS}`,
  })
  participationDashboard(
    @Lang() lang: Language,
    @Args('consultationId', { type: () => ID, nullable: true }) consultationId?: string | null,
    @Args('period', { type: () => DashboardPeriod, nullable: true, defaultValue: 'WEEK' })
    period?: DashboardPeriodValue | null,
  ): Promise<DashboardResult> {
    return this.service.publicDashboard({ consultationId, period }, lang);
  }

  @Query(() => ParticipationDashboard, {
    description: `Curators and administrators: exact counts. ${ERRORS}`,
  })
  curatorDashboard(
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Args('consultationId', { type: () => ID, nullable: true }) consultationId?: string | null,
    @Args('period', { type: () => DashboardPeriod, nullable: true, defaultValue: 'WEEK' })
    period?: DashboardPeriodValue | null,
  ): Promise<DashboardResult> {
    return this.service.curatorDashboard(actor, { consultationId, period }, lang);
  }
}

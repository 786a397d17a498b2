import { Module } from '@nestjs/common';
import { DashboardRepository } from './dashboard.repository';
import { DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

/** Participation dashboard: public (small cells suppressed) and for curators. */
@Module({
  providers: [DashboardResolver, DashboardService, DashboardRepository],
})
export class DashboardModule {}

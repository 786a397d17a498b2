import { Module } from '@nestjs/common';

/** Participation dashboard: public (small cells suppressed) and for curators. */
@Module({})
export class DashboardModule {}

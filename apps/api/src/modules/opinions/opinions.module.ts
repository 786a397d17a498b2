import { Module } from '@nestjs/common';

/** Opinion groups per consultation (pg-boss job), CONSENSUS / DIVISIVE figures. */
@Module({})
export class OpinionsModule {}

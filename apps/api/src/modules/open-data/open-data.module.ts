import { Module } from '@nestjs/common';
import { OpenDataController } from './open-data.controller';
import { OpenDataRepository } from './open-data.repository';
import { OpenDataService } from './open-data.service';

/** Public open data exports (CSV and JSON) of consultations, with no personal data. */
@Module({
  controllers: [OpenDataController],
  providers: [OpenDataService, OpenDataRepository],
})
export class OpenDataModule {}

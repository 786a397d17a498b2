import { Module } from '@nestjs/common';
import { TerritoriesLoaders } from './territories.loaders';
import { TerritoriesRepository } from './territories.repository';
import { TerritoriesResolver } from './territories.resolver';
import { TerritoriesService } from './territories.service';

@Module({
  providers: [TerritoriesResolver, TerritoriesService, TerritoriesRepository, TerritoriesLoaders],
  exports: [TerritoriesRepository, TerritoriesLoaders],
})
export class TerritoriesModule {}

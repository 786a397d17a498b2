import { Module } from '@nestjs/common';
import { ThemesLoaders } from './themes.loaders';
import { ThemesRepository } from './themes.repository';
import { ThemesResolver } from './themes.resolver';
import { ThemesService } from './themes.service';

@Module({
  providers: [ThemesResolver, ThemesService, ThemesRepository, ThemesLoaders],
  exports: [ThemesRepository, ThemesLoaders],
})
export class ThemesModule {}

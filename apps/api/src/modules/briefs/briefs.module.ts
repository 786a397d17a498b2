import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module';
import { UsersModule } from '../users/users.module';
import { BriefsLoaders } from './briefs.loaders';
import { BriefsRepository } from './briefs.repository';
import { BriefCitationResolver, BriefSectionResolver, BriefsResolver } from './briefs.resolver';
import { BriefsService } from './briefs.service';

/** Drafting of curation briefs (the working copy); publication lives in ./publication. */
@Module({
  imports: [ConsultationsModule, UsersModule],
  providers: [
    BriefsResolver,
    BriefSectionResolver,
    BriefCitationResolver,
    BriefsService,
    BriefsRepository,
    BriefsLoaders,
  ],
  exports: [BriefsRepository],
})
export class BriefsModule {}

import { Module } from '@nestjs/common';
import { BriefPublicationRepository } from '../publication/brief-publication.repository';
import { BriefExportController } from './brief-export.controller';
import { BriefExportService } from './brief-export.service';

/**
 * Exports of published briefs (Markdown, PDF, DOCX) over plain HTTP. Versions are read through
 * the publication repository (stateless, so this module holds its own instance).
 */
@Module({
  controllers: [BriefExportController],
  providers: [BriefExportService, BriefPublicationRepository],
})
export class BriefExportModule {}

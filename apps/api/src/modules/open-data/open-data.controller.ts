import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Headers, Logger, Param, Res } from '@nestjs/common';
import { DomainError, DomainErrorCode, pickLanguage } from '@passerelle/domain';
import { type Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { type OpenDataDataset, type OpenDataFormat, OpenDataService } from './open-data.service';

const CONTENT_TYPES: Record<OpenDataFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** French file names: `passerelle-<slug>-propositions.csv`. */
const FILE_NAMES: Record<OpenDataDataset, string> = {
  proposals: 'propositions',
  comments: 'commentaires',
  amendments: 'amendements',
};

/**
 * Open data of a consultation (public, plain HTTP, no GraphQL): its public proposals, comments
 * and amendments as CSV or JSON, streamed batch by batch. Every path ends with a file extension, so
 * the web app's client-side fallback never answers them. Rate-limited per IP address; an unknown
 * consultation answers 404 CONSULTATION_NOT_FOUND (common/http/rest-errors.ts).
 */
@Public()
@RateLimit('download')
@Controller('api/open-data/consultations')
export class OpenDataController {
  private readonly logger = new Logger('OpenData');

  constructor(private readonly openData: OpenDataService) {}

  @Get(':slug/proposals.csv')
  proposalsCsv(
    @Param('slug') slug: string,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    return this.send(res, slug, lang, 'proposals', 'csv');
  }

  @Get(':slug/proposals.json')
  proposalsJson(
    @Param('slug') slug: string,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    return this.send(res, slug, lang, 'proposals', 'json');
  }

  @Get(':slug/comments.csv')
  commentsCsv(
    @Param('slug') slug: string,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    return this.send(res, slug, lang, 'comments', 'csv');
  }

  @Get(':slug/comments.json')
  commentsJson(
    @Param('slug') slug: string,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    return this.send(res, slug, lang, 'comments', 'json');
  }

  @Get(':slug/amendments.csv')
  amendmentsCsv(
    @Param('slug') slug: string,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    return this.send(res, slug, lang, 'amendments', 'csv');
  }

  @Get(':slug/amendments.json')
  amendmentsJson(
    @Param('slug') slug: string,
    @Headers('accept-language') lang: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    return this.send(res, slug, lang, 'amendments', 'json');
  }

  private async send(
    res: Response,
    slug: string,
    acceptLanguage: string | undefined,
    dataset: OpenDataDataset,
    format: OpenDataFormat,
  ): Promise<void> {
    const consultation = await this.openData.findConsultation(slug);
    if (!consultation) {
      throw new DomainError(
        DomainErrorCode.CONSULTATION_NOT_FOUND,
        undefined,
        pickLanguage(acceptLanguage),
      );
    }
    res.status(200);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="passerelle-${consultation.slug}-${FILE_NAMES[dataset]}.${format}"`,
    );
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    try {
      // pipeline handles backpressure and stops reading batches when the client goes away.
      await pipeline(Readable.from(this.openData.export(consultation, dataset, format)), res);
    } catch (error) {
      if (res.writableEnded || res.destroyed) {
        this.logger.warn(`Open data export of ${slug} interrupted: ${(error as Error).message}`);
        return;
      }
      throw error;
    }
  }
}

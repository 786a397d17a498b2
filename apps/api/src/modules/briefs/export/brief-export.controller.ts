import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { pickLanguage } from '@passerelle/domain';
import { type Request, type Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { RateLimit } from '../../../common/rate-limit/rate-limit.decorator';
import { InjectConfig } from '../../../config/app-config';
import { type AppConfig } from '../../../config/config.schema';
import { BriefExportService } from './brief-export.service';

/** A numbered version is frozen: its export can be cached for good. */
const PINNED_CACHE = 'public, max-age=31536000, immutable';

/**
 * Downloads of a published brief (public, plain HTTP): `GET /api/briefs/<slug>/export.<md|pdf|docx>`
 * for the current version, `?version=<n>` for version n. Errors answer like every route
 * (common/http/rest-errors.ts): BRIEF_NOT_FOUND and BRIEF_VERSION_NOT_FOUND 404,
 * BRIEF_EXPORT_FORMAT_INVALID 400, in the language of Accept-Language; downloads are
 * rate-limited per IP address. The path ends with a file extension, so the web app's
 * client-side fallback never answers it.
 */
@Public()
@RateLimit('download')
@Controller('api/briefs')
export class BriefExportController {
  constructor(
    private readonly exports: BriefExportService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Get(':slug/export.:format')
  async download(
    @Param('slug') slug: string,
    @Param('format') format: string,
    @Query('version') version: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const lang = pickLanguage(acceptLanguage);
    const file = await this.exports.export({
      slug,
      format,
      // A repeated ?version= is no version number.
      version: version === undefined ? undefined : typeof version === 'string' ? version : '',
      baseUrl: this.config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`,
      lang,
    });
    res.status(200);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('Content-Length', String(file.body.length));
    res.setHeader('Cache-Control', file.isPinned ? PINNED_CACHE : 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(file.body);
  }
}

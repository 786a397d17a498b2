import { Controller, Get, Headers, Req, Res } from '@nestjs/common';
import { type Actor, DomainError, DomainErrorCode, pickLanguage } from '@passerelle/domain';
import { type Request, type Response } from 'express';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { PrivacyService } from './privacy.service';

/**
 * `GET /api/me/export`: the signed-in account's data as one JSON file (GDPR right of access and
 * portability). Authenticated by the global guard (session cookie or Bearer token), rate-limited
 * per account and per IP, never cached.
 */
@Controller('api/me')
export class PrivacyExportController {
  constructor(private readonly privacy: PrivacyService) {}

  @RateLimit('exportMyData')
  @Get('export')
  async download(
    @CurrentUser() actor: Actor,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const lang = pickLanguage(acceptLanguage);
    if (!actor) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    const file = await this.privacy.exportMyData(actor, req, lang);
    res.status(200);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(file.body);
  }
}

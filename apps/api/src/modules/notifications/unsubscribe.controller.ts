import { Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { escapeHtml, type Language, pickLanguage } from '@passerelle/domain';
import { type Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { NotificationsService } from './notifications.service';
import { verifyUnsubscribeToken } from './unsubscribe-token';

const PAGES = {
  fr: {
    title: 'Désinscription',
    doneOne: 'C’est noté : vous ne recevrez plus d’e-mail pour ce type de notification.',
    doneAll: 'C’est noté : vous ne recevrez plus aucun e-mail de notification.',
    invalid: 'Ce lien de désinscription n’est pas valide. Copiez le lien complet depuis l’e-mail.',
    gone: 'Ce compte n’existe plus.',
    preferences: 'Vous pouvez changer ces choix à tout moment sur votre profil.',
  },
  en: {
    title: 'Unsubscribe',
    doneOne: 'Done: you will no longer receive e-mails for this kind of notification.',
    doneAll: 'Done: you will no longer receive any notification e-mail.',
    invalid: 'This unsubscribe link is not valid. Copy the whole link from the e-mail.',
    gone: 'This account no longer exists.',
    preferences: 'You can change these choices at any time on your profile.',
  },
} as const;

/**
 * The unsubscribe link of notification e-mails (public, plain HTTP): a signed token sets NONE
 * for one kind or every kind and answers a small page, French unless the browser asks for
 * English. POST answers RFC 8058 one-click unsubscription (List-Unsubscribe-Post).
 */
@Public()
@Controller('api/email')
export class UnsubscribeController {
  constructor(
    private readonly notifications: NotificationsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Get('unsubscribe')
  async page(
    @Query('token') token: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const lang = pickLanguage(acceptLanguage);
    const outcome = await this.apply(token);
    const words = PAGES[lang];
    const message = {
      invalid: words.invalid,
      gone: words.gone,
      one: words.doneOne,
      all: words.doneAll,
    }[outcome];
    res
      .status(outcome === 'invalid' ? 400 : outcome === 'gone' ? 404 : 200)
      .type('html')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Referrer-Policy', 'no-referrer')
      .send(this.html(lang, message, outcome === 'one' || outcome === 'all'));
  }

  @Post('unsubscribe')
  @HttpCode(200)
  async oneClick(@Query('token') token: string | undefined, @Res() res: Response): Promise<void> {
    const outcome = await this.apply(token);
    res.status(outcome === 'invalid' ? 400 : outcome === 'gone' ? 404 : 200).json({ outcome });
  }

  private async apply(token: string | undefined): Promise<'invalid' | 'gone' | 'one' | 'all'> {
    const target = verifyUnsubscribeToken(this.config.jwtSecret, token);
    if (!target) return 'invalid';
    const isDone = await this.notifications.unsubscribe(target.userId, target.scope);
    if (!isDone) return 'gone';
    return target.scope === 'all' ? 'all' : 'one';
  }

  private html(lang: Language, message: string, isDone: boolean): string {
    const words = PAGES[lang];
    return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(words.title)} – Passerelle</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem"><h1>${escapeHtml(words.title)}</h1><p role="status">${escapeHtml(message)}</p>${isDone ? `<p><a href="/profil#notifications-email">${escapeHtml(words.preferences)}</a></p>` : ''}</body></html>`;
  }
}

import { Injectable } from '@nestjs/common';
import { type Language } from '@passerelle/domain';
import { type ThemeRecord, ThemesRepository } from './themes.repository';

@Injectable()
export class ThemesService {
  constructor(private readonly repository: ThemesRepository) {}

  list(): Promise<ThemeRecord[]> {
    return this.repository.findAll();
  }

  /** A theme's name in the requested language. */
  nameOf(theme: ThemeRecord, lang: Language): string {
    return lang === 'en' ? theme.nameEn : theme.nameFr;
  }
}

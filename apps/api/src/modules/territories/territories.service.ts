import { Injectable } from '@nestjs/common';
import {
  DomainError,
  DomainErrorCode,
  type Language,
  type TerritoryLevel,
} from '@passerelle/domain';
import { invalidArgument } from '../../common/graphql/ids';
import { TERRITORIES_PAGE_MAX } from './dto/territories.args';
import { TerritoriesRepository, type TerritoryRecord } from './territories.repository';

/** Lower-case, accent-free, like `territories.searchName`. */
export function normaliseSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * A LIKE pattern for a normalised search: LIKE's own wildcards are escaped, and every space,
 * hyphen or apostrophe matches any one character, so "saint etienne", "saint-etienne" and
 * "Saint-Étienne" find the same commune whatever separator the stored name uses.
 */
export function searchPattern(normalised: string): string {
  return normalised.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/[\s'’-]/g, '_');
}

@Injectable()
export class TerritoriesService {
  constructor(private readonly repository: TerritoriesRepository) {}

  /** NOT_FOUND / TERRITORY_NOT_FOUND for an unknown id. */
  async get(id: string, lang: Language): Promise<TerritoryRecord> {
    const [territory] = await this.repository.findByIds([id]);
    if (!territory) throw new DomainError(DomainErrorCode.TERRITORY_NOT_FOUND, undefined, lang);
    return territory;
  }

  async search(
    search: string,
    levels: TerritoryLevel[] | null | undefined,
    first: number,
    lang: Language,
  ): Promise<TerritoryRecord[]> {
    if (!Number.isInteger(first) || first < 1 || first > TERRITORIES_PAGE_MAX) {
      throw invalidArgument(
        'first',
        'range',
        {
          fr: `Demandez entre 1 et ${TERRITORIES_PAGE_MAX} territoires.`,
          en: `Ask for 1 to ${TERRITORIES_PAGE_MAX} territories.`,
        },
        lang,
      );
    }
    const normalised = normaliseSearch(search).slice(0, 100);
    if (normalised.length === 0) return [];
    const pattern = searchPattern(normalised);
    return this.repository.search({
      namePattern: `%${pattern}%`,
      prefixPattern: `${pattern}%`,
      code: search.trim().toUpperCase(),
      levels: levels ?? null,
      limit: first,
    });
  }
}

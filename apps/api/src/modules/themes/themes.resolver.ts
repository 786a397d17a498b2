import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Language } from '@passerelle/domain';
import { Public } from '../../common/auth/auth.decorators';
import { Lang } from '../../common/graphql/graphql-context';
import { Theme } from './models/theme.model';
import { type ThemeRecord } from './themes.repository';
import { ThemesService } from './themes.service';

@Resolver(() => Theme)
export class ThemesResolver {
  constructor(private readonly service: ThemesService) {}

  @Public()
  @Query(() => [Theme], { description: 'Every theme, in display order.' })
  themes(): Promise<ThemeRecord[]> {
    return this.service.list();
  }

  @ResolveField(() => String)
  name(@Parent() theme: ThemeRecord, @Lang() lang: Language): string {
    return this.service.nameOf(theme, lang);
  }
}

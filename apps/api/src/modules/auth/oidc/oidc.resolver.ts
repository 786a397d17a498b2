import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../../common/auth/auth.decorators';
import { AuthProvider } from './models/auth-provider.model';
import { OidcService } from './oidc.service';

@Resolver()
export class OidcResolver {
  constructor(private readonly oidc: OidcService) {}

  @Public({ ignoreInvalidToken: true })
  @Query(() => [AuthProvider], {
    description: 'Identity providers configured on this platform (empty when none).',
  })
  authProviders(): AuthProvider[] {
    const provider = this.oidc.provider;
    return provider ? [provider] : [];
  }
}

import { parseConfig } from '../../../config/config.schema';
import { OidcClient, type ProviderMetadata } from './oidc-client';

const METADATA: ProviderMetadata = {
  issuer: 'https://fc.example.fr',
  authorizationEndpoint: 'https://fc.example.fr/authorize',
  tokenEndpoint: 'https://fc.example.fr/token',
  jwksUri: 'https://fc.example.fr/jwks',
  userinfoEndpoint: 'https://fc.example.fr/userinfo',
  tokenAuthMethod: 'client_secret_basic',
};
const PARAMS = {
  state: 'etat',
  nonce: 'nonce',
  codeChallenge: 'defi',
  redirectUri: 'https://passerelle.example.fr/api/auth/oidc/callback',
};

function clientWith(env: Record<string, string>) {
  return new OidcClient(
    parseConfig({
      DATABASE_URL: 'postgresql://localhost/passerelle',
      OIDC_ISSUER: 'https://fc.example.fr',
      OIDC_CLIENT_ID: 'passerelle',
      OIDC_CLIENT_SECRET: 'secret',
      ...env,
    }),
  );
}

describe('OidcClient.authorizationUrl', () => {
  it('asks for a code with PKCE S256, the state, the nonce and the scopes', () => {
    const url = new URL(clientWith({}).authorizationUrl(METADATA, PARAMS));
    expect(url.origin + url.pathname).toBe('https://fc.example.fr/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'passerelle',
      redirect_uri: PARAMS.redirectUri,
      scope: 'openid email profile',
      state: 'etat',
      nonce: 'nonce',
      code_challenge: 'defi',
      code_challenge_method: 'S256',
    });
  });

  it('sends acr_values only when configured (FranceConnect wants eidas1)', () => {
    const url = new URL(
      clientWith({ OIDC_ACR_VALUES: 'eidas1' }).authorizationUrl(METADATA, PARAMS),
    );
    expect(url.searchParams.get('acr_values')).toBe('eidas1');
  });
});

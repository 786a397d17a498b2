// A real OpenID Connect provider (panva's oidc-provider) for tests/security/oidc.spec.ts, run as
// a child process (oidc-provider is ESM-only; the API's tests run as CommonJS). It prints
// `OIDC_PROVIDER_READY <issuer>` once listening on a free port of 127.0.0.1.
//
// Test controls (plain JSON over HTTP, on the provider itself):
//   POST /__test/client   {client_id, client_secret, redirect_uris, userinfo_signed_response_alg?}
//   POST /__test/login    {sub, claims}: the account the next interactions sign in automatically
//   POST /__test/misbehave {mode}: "none", "wrong-audience", "wrong-issuer" — ID tokens then carry
//                          that defect, still signed with the provider's real key
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingJwk = {
  ...privateKey.export({ format: 'jwk' }),
  kid: 'test-key',
  use: 'sig',
  alg: 'RS256',
};

/** oidc-provider's storage, in memory; clients registered at run time live here too. */
const stores = new Map();
class MemoryAdapter {
  constructor(name) {
    this.name = name;
    if (!stores.has(name)) stores.set(name, new Map());
    this.store = stores.get(name);
  }
  async upsert(id, payload) {
    this.store.set(id, structuredClone(payload));
  }
  async find(id) {
    const value = this.store.get(id);
    return value ? structuredClone(value) : undefined;
  }
  async findByUserCode(userCode) {
    return [...this.store.values()].find((value) => value.userCode === userCode);
  }
  async findByUid(uid) {
    return [...this.store.values()].find((value) => value.uid === uid);
  }
  async consume(id) {
    const value = this.store.get(id);
    if (value) value.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id) {
    this.store.delete(id);
  }
  async revokeByGrantId(grantId) {
    for (const [id, value] of this.store) if (value.grantId === grantId) this.store.delete(id);
  }
}

let login = { sub: 'user-1', claims: {} };
let misbehave = 'none';

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  adapter: MemoryAdapter,
  jwks: { keys: [signingJwk] },
  clients: [],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name'],
  },
  scopes: ['openid', 'email', 'profile'],
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: false },
    jwtUserinfo: { enabled: true },
  },
  findAccount: (_ctx, sub) => ({
    accountId: sub,
    claims: () => ({ sub, ...(sub === login.sub ? login.claims : {}) }),
  }),
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['test-cookie-key'] },
  ttl: {
    AccessToken: 600,
    AuthorizationCode: 60,
    IdToken: 600,
    Interaction: 600,
    Session: 600,
    Grant: 600,
  },
});
provider.on('server_error', (_ctx, error) => console.error('oidc-provider server_error', error));

function base64url(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Re-signs an ID token with a defect, with the provider's own key. */
function tamper(idToken) {
  const [header, payload] = idToken
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url')));
  if (misbehave === 'wrong-audience') payload.aud = 'another-client';
  if (misbehave === 'wrong-issuer') payload.iss = 'http://127.0.0.1:1/not-the-issuer';
  const input = `${base64url(header)}.${base64url(payload)}`;
  const key = createPrivateKey({ key: signingJwk, format: 'jwk' });
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

async function readJson(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

provider.use(async (ctx, next) => {
  if (ctx.method === 'POST' && ctx.path === '/__test/client') {
    const body = await readJson(ctx);
    await new MemoryAdapter('Client').upsert(body.client_id, {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      ...body,
    });
    ctx.status = 204;
    return;
  }
  if (ctx.method === 'POST' && ctx.path === '/__test/login') {
    login = await readJson(ctx);
    ctx.status = 204;
    return;
  }
  if (ctx.method === 'POST' && ctx.path === '/__test/misbehave') {
    misbehave = (await readJson(ctx)).mode;
    ctx.status = 204;
    return;
  }
  if (ctx.method === 'GET' && ctx.path.startsWith('/interaction/')) {
    // Signs in the chosen test account and grants what the client asked, without a page.
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(
        ctx.req,
        ctx.res,
        { login: { accountId: login.sub } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({
          accountId: details.session.accountId,
          clientId: details.params.client_id,
        });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    if (missing.missingResourceScopes)
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes))
        grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    await provider.interactionFinished(
      ctx.req,
      ctx.res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
    return;
  }
  await next();
  if (
    ctx.method === 'POST' &&
    ctx.path === '/token' &&
    misbehave !== 'none' &&
    ctx.body?.id_token
  ) {
    ctx.body = { ...ctx.body, id_token: tamper(ctx.body.id_token) };
  }
});

server.on('request', provider.callback());
console.log(`OIDC_PROVIDER_READY ${issuer}`);

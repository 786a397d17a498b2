import { Alert, Button, Divider, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AUTH_PROVIDERS_QUERY } from '../graphql/auth-providers.documents';

/** The codes the API puts in `?erreur=` after a failed OpenID Connect sign-in. */
export const OIDC_ERROR_CODES = [
  'OIDC_UNAVAILABLE',
  'OIDC_SIGN_IN_FAILED',
  'OIDC_EMAIL_UNVERIFIED',
  'OIDC_TERMS_REQUIRED',
  'RATE_LIMITED',
] as const;
type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];

const isOidcErrorCode = (value: string): value is OidcErrorCode =>
  (OIDC_ERROR_CODES as readonly string[]).includes(value);

/** Where the browser goes to sign in with a provider, then comes back to `next`. */
export function providerStartUrl(startUrl: string, next: string, hasAcceptedTerms: boolean) {
  const params = new URLSearchParams({ next });
  if (hasAcceptedTerms) params.set('terms', 'accepted');
  return `${startUrl}?${params.toString()}`;
}

/**
 * The message of `?erreur=` after an OpenID Connect sign-in failed: one of the known codes, else
 * a generic message (the parameter's own text is never shown).
 */
export function OidcErrorAlert() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const code = params.get('erreur');
  if (!code) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t('oidc.errorTitle')}>
      {isOidcErrorCode(code) ? t(`oidc.errors.${code}`) : t('oidc.errors.generic')}
    </Alert>
  );
}

/**
 * "Sign in with <provider>" buttons (plain links: the API redirects to the provider). On the
 * sign-up page (`requireTerms`), they stay disabled until the terms are accepted, and the start
 * URL then says so.
 */
export function OidcProviderButtons({
  next,
  requireTerms = false,
  hasAcceptedTerms = false,
}: {
  next: string;
  requireTerms?: boolean;
  hasAcceptedTerms?: boolean;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const { data } = useQuery(AUTH_PROVIDERS_QUERY, { fetchPolicy: 'cache-first' });
  const providers = data?.authProviders ?? [];
  if (providers.length === 0) return null;
  const isBlocked = requireTerms && !hasAcceptedTerms;
  return (
    <Stack gap="sm" mt="md">
      <Divider label={t('oidc.or')} labelPosition="center" />
      {providers.map((provider) => {
        const label = t(requireTerms ? 'oidc.signUpWith' : 'oidc.signInWith', {
          name: provider.name,
        });
        return isBlocked ? (
          <Button key={provider.id} variant="default" size="md" disabled aria-describedby={hintId}>
            {label}
          </Button>
        ) : (
          <Button
            key={provider.id}
            component="a"
            variant="default"
            size="md"
            href={providerStartUrl(provider.startUrl, next, requireTerms && hasAcceptedTerms)}
          >
            {label}
          </Button>
        );
      })}
      {isBlocked && (
        <Text id={hintId} size="sm" c="dimmed">
          {t('oidc.acceptTermsFirst')}
        </Text>
      )}
    </Stack>
  );
}

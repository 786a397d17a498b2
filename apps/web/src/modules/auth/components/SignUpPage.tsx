import { useState, type FormEvent } from 'react';
import {
  Anchor,
  Button,
  Card,
  Checkbox,
  NativeSelect,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_LIMITS, ActorType, fieldErrors, signUpInputSchema } from '@passerelle/domain';
import { paths, withNext } from '../../../app/paths';
import { currentLanguage } from '../../../app/i18n/i18n';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, errorReason, serverFieldErrors } from '../../../shared/graphql/errors';
import type { TerritoryRef } from '../../../shared/graphql/schema-types';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { TerritorySelect } from '../../territories/components/TerritorySelect';
import { safeNextPath, useSignUp } from '../hooks/useAuthActions';
import { OidcErrorAlert, OidcProviderButtons } from './OidcSignIn';

const FIELDS = [
  'email',
  'password',
  'displayName',
  'actorType',
  'territoryId',
  'acceptTerms',
] as const;

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('signUp.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const { signUp, loading } = useSignUp();
  const { errors, count, fieldRef, report, clear } = useFieldErrors(FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [actorType, setActorType] = useState('');
  const [territory, setTerritory] = useState<TerritoryRef | null>(null);
  const [acceptTerms, setAcceptTerms] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const input = {
      email,
      password,
      displayName,
      actorType: actorType || undefined,
      territoryId: territory?.id ?? '',
      acceptTerms,
    };
    if (report(fieldErrors(signUpInputSchema, input, currentLanguage(i18n)))) return;
    try {
      await signUp({ ...input, actorType: actorType as ActorType });
      await navigate(next);
    } catch (error) {
      if (report(serverFieldErrors(error))) return;
      if (errorReason(error) === 'EMAIL_TAKEN') {
        report([{ field: 'email', message: t('signUp.emailTaken'), rule: 'unique' }]);
        return;
      }
      setFormError(errorMessage(error, t));
    }
  };

  return (
    <Stack maw={560} mx="auto" gap="lg">
      <Stack gap="xs">
        <PageTitle>{t('signUp.title')}</PageTitle>
        <Text>{t('signUp.intro')}</Text>
      </Stack>
      <OidcErrorAlert />
      <Card withBorder radius="md" padding="lg">
        <form noValidate onSubmit={(event) => void handleSubmit(event)}>
          <Stack gap="md">
            <FormErrorSummary fieldErrorCount={count} formError={formError} />
            <TextInput
              ref={fieldRef('email')}
              label={t('signUp.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              error={errors.email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
                clear('email');
              }}
            />
            <PasswordInput
              ref={fieldRef('password')}
              label={t('signUp.password')}
              description={t('signUp.passwordHint', {
                min: ACCOUNT_LIMITS.passwordMin,
                max: ACCOUNT_LIMITS.passwordMax,
              })}
              autoComplete="new-password"
              required
              value={password}
              error={errors.password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
                clear('password');
              }}
            />
            <TextInput
              ref={fieldRef('displayName')}
              label={t('signUp.displayName')}
              description={t('signUp.displayNameHint')}
              autoComplete="nickname"
              required
              value={displayName}
              error={errors.displayName}
              onChange={(event) => {
                setDisplayName(event.currentTarget.value);
                clear('displayName');
              }}
            />
            <NativeSelect
              ref={fieldRef('actorType')}
              label={t('signUp.actorType')}
              description={t('signUp.actorTypeHint')}
              required
              value={actorType}
              error={errors.actorType}
              data={[
                { value: '', label: t('signUp.actorTypePlaceholder'), disabled: true },
                ...Object.values(ActorType).map((value) => ({
                  value,
                  label: t(`actorType.${value}`),
                })),
              ]}
              onChange={(event) => {
                setActorType(event.currentTarget.value);
                clear('actorType');
              }}
            />
            <TerritorySelect
              id="signup-territory"
              inputRef={fieldRef('territoryId')}
              label={t('territory.label')}
              description={t('signUp.territoryHint')}
              required
              value={territory}
              error={errors.territoryId}
              onChange={(value) => {
                setTerritory(value);
                clear('territoryId');
              }}
            />
            <Checkbox
              ref={fieldRef('acceptTerms')}
              checked={acceptTerms}
              required
              error={errors.acceptTerms}
              label={
                <>
                  {t('privacy.acceptTerms')}{' '}
                  <Anchor component={Link} to={paths.privacy} target="_blank">
                    {t('privacy.readPolicy')}
                  </Anchor>
                </>
              }
              onChange={(event) => {
                setAcceptTerms(event.currentTarget.checked);
                clear('acceptTerms');
              }}
            />
            <Button type="submit" loading={loading} size="md">
              {t('signUp.submit')}
            </Button>
          </Stack>
        </form>
        <OidcProviderButtons next={next} requireTerms hasAcceptedTerms={acceptTerms} />
      </Card>
      <Text>
        {t('signUp.haveAccount')}{' '}
        <Anchor component={Link} to={withNext(paths.signIn, next)} fw={600}>
          {t('account.signIn')}
        </Anchor>
      </Text>
    </Stack>
  );
}

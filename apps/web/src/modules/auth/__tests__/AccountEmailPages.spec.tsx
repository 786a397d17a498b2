import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { Route, Routes } from 'react-router';
import { renderWithApp } from '../../../testing/render';
import { EmailVerificationBanner } from '../components/EmailVerificationBanner';
import { ForgotPasswordPage } from '../components/ForgotPasswordPage';
import { ResetPasswordPage } from '../components/ResetPasswordPage';
import { SignInPage } from '../components/SignInPage';
import { VerifyEmailPage } from '../components/VerifyEmailPage';
import { ME_QUERY } from '../graphql/auth.documents';
import {
  EMAIL_VERIFICATION_QUERY,
  REQUEST_PASSWORD_RESET_MUTATION,
  RESEND_VERIFICATION_MUTATION,
  RESET_PASSWORD_MUTATION,
  VERIFY_EMAIL_MUTATION,
} from '../graphql/account-emails.documents';
import { AUTH_PROVIDERS_QUERY } from '../graphql/auth-providers.documents';

const TOKEN = 'A'.repeat(43);
const USER_ID = '00000000-0000-4000-8000-000000000001';
const me = {
  __typename: 'User',
  id: USER_ID,
  email: 'camille@example.org',
  displayName: 'Camille Martin',
  role: 'PARTICIPANT',
  actorType: 'CITIZEN',
  territory: null,
};
const signedIn: MockLink.MockedResponse = {
  request: { query: ME_QUERY },
  result: { data: { me } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};
const anonymous: MockLink.MockedResponse = {
  request: { query: ME_QUERY },
  result: { data: { me: null } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};
/** The sign-in page asks which identity providers exist: none here. */
const noProviders: MockLink.MockedResponse = {
  request: { query: AUTH_PROVIDERS_QUERY },
  result: { data: { authProviders: [] } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};
const tokenError = (reason: string, message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason } });

describe('VerifyEmailPage', () => {
  it('confirms the address with the token of the link', async () => {
    renderWithApp(<VerifyEmailPage />, {
      route: `/verifier-email?jeton=${TOKEN}`,
      mocks: [
        anonymous,
        {
          request: { query: VERIFY_EMAIL_MUTATION, variables: { token: TOKEN } },
          result: {
            data: {
              verifyEmail: {
                __typename: 'User',
                id: USER_ID,
                email: me.email,
                emailVerified: true,
              },
            },
          },
        },
      ],
    });
    expect(await screen.findByText('Merci : votre adresse e-mail est confirmée.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Aller à l’accueil' })).toHaveAttribute('href', '/');
  });

  it('explains an expired link and lets a signed-in account ask for a new one', async () => {
    const user = userEvent.setup();
    renderWithApp(<VerifyEmailPage />, {
      route: `/verifier-email?jeton=${TOKEN}`,
      mocks: [
        signedIn,
        {
          request: { query: VERIFY_EMAIL_MUTATION, variables: { token: TOKEN } },
          result: {
            errors: [tokenError('TOKEN_EXPIRED', 'Ce lien a expiré : demandez-en un nouveau.')],
          },
        },
        {
          request: { query: RESEND_VERIFICATION_MUTATION },
          result: { data: { resendVerificationEmail: true } },
        },
      ],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Ce lien a expiré : demandez-en un nouveau.',
    );
    await user.click(await screen.findByRole('button', { name: 'Renvoyer le lien' }));
    expect(
      await screen.findByText('Un nouveau lien vient d’être envoyé à votre adresse e-mail.'),
    ).toBeVisible();
  });

  it('asks visitors to sign in to receive a new link', async () => {
    renderWithApp(<VerifyEmailPage />, {
      route: `/verifier-email?jeton=${TOKEN}`,
      mocks: [
        anonymous,
        {
          request: { query: VERIFY_EMAIL_MUTATION, variables: { token: TOKEN } },
          result: { errors: [tokenError('TOKEN_USED', 'Ce lien a déjà servi.')] },
        },
      ],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce lien a déjà servi.');
    expect(
      await screen.findByRole('link', { name: 'Connectez-vous pour recevoir un nouveau lien.' }),
    ).toHaveAttribute('href', '/connexion');
  });

  it('says when the link has no token', async () => {
    renderWithApp(<VerifyEmailPage />, { route: '/verifier-email', mocks: [anonymous] });
    expect(await screen.findByRole('alert')).toHaveTextContent(/Ce lien est incomplet/);
  });
});

describe('ForgotPasswordPage', () => {
  it('checks the address, then confirms without telling whether an account exists', async () => {
    const user = userEvent.setup();
    renderWithApp(<ForgotPasswordPage />, {
      mocks: [
        {
          request: {
            query: REQUEST_PASSWORD_RESET_MUTATION,
            variables: { email: 'camille@example.org' },
          },
          result: { data: { requestPasswordReset: true } },
        },
      ],
    });
    const email = screen.getByRole('textbox', { name: /Adresse e-mail/ });
    await user.type(email, 'camille@');
    await user.click(screen.getByRole('button', { name: 'Recevoir un lien' }));
    expect(await screen.findByText(/Saisissez une adresse e-mail valide/)).toBeVisible();

    await user.type(email, 'example.org');
    await user.click(screen.getByRole('button', { name: 'Recevoir un lien' }));
    const status = await screen.findByText(
      /Si un compte existe avec l’adresse camille@example.org/,
    );
    expect(status.closest('[role="status"]')).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Recevoir un lien' })).not.toBeInTheDocument();
  });
});

describe('ResetPasswordPage', () => {
  const routes = (
    <Routes>
      <Route path="/reinitialiser-mot-de-passe" element={<ResetPasswordPage />} />
      <Route path="/connexion" element={<SignInPage />} />
    </Routes>
  );

  it('sets the new password, then sends the person to sign in', async () => {
    const user = userEvent.setup();
    renderWithApp(routes, {
      route: `/reinitialiser-mot-de-passe?jeton=${TOKEN}`,
      mocks: [
        anonymous,
        noProviders,
        {
          request: {
            query: RESET_PASSWORD_MUTATION,
            variables: { token: TOKEN, password: 'une nouvelle phrase' },
          },
          result: { data: { resetPassword: true } },
        },
      ],
    });
    const password = screen.getByLabelText(/Nouveau mot de passe/);
    await user.type(password, 'court');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(await screen.findByText('Saisissez au moins 10 caractères.')).toBeVisible();

    await user.clear(password);
    await user.type(password, 'une nouvelle phrase');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(
      await screen.findByText('Votre mot de passe a été changé : connectez-vous avec le nouveau.'),
    ).toBeVisible();
    expect(screen.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
  });

  it('explains a used link and offers a new one', async () => {
    const user = userEvent.setup();
    renderWithApp(routes, {
      route: `/reinitialiser-mot-de-passe?jeton=${TOKEN}`,
      mocks: [
        anonymous,
        noProviders,
        {
          request: {
            query: RESET_PASSWORD_MUTATION,
            variables: { token: TOKEN, password: 'une nouvelle phrase' },
          },
          result: { errors: [tokenError('TOKEN_USED', 'Ce lien a déjà servi.')] },
        },
      ],
    });
    await user.type(screen.getByLabelText(/Nouveau mot de passe/), 'une nouvelle phrase');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }));
    expect(await screen.findByText('Ce lien a déjà servi.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Demander un nouveau lien' })).toHaveAttribute(
      'href',
      '/mot-de-passe-oublie',
    );
  });
});

describe('SignInPage', () => {
  it('links to the forgotten-password page', async () => {
    renderWithApp(<SignInPage />, { route: '/connexion', mocks: [anonymous, noProviders] });
    expect(screen.getByRole('link', { name: 'Mot de passe oublié ?' })).toHaveAttribute(
      'href',
      '/mot-de-passe-oublie',
    );
  });
});

describe('EmailVerificationBanner', () => {
  it('asks an unverified account to confirm and resends the link', async () => {
    const user = userEvent.setup();
    renderWithApp(<EmailVerificationBanner />, {
      mocks: [
        signedIn,
        {
          request: { query: EMAIL_VERIFICATION_QUERY },
          result: {
            data: {
              me: { __typename: 'User', id: USER_ID, email: me.email, emailVerified: false },
            },
          },
        },
        {
          request: { query: RESEND_VERIFICATION_MUTATION },
          result: { data: { resendVerificationEmail: true } },
        },
      ],
    });
    const banner = (await screen.findByText('Confirmez votre adresse e-mail')).closest(
      '.mantine-Alert-root',
    ) as HTMLElement;
    expect(banner).toHaveTextContent(/Nous avons envoyé un lien à camille@example.org/);
    await user.click(within(banner).getByRole('button', { name: 'Renvoyer le lien' }));
    expect(
      await within(banner).findByText('Un nouveau lien a été envoyé à camille@example.org.'),
    ).toBeVisible();
  });

  it('stays hidden for a verified account', async () => {
    renderWithApp(
      <>
        <EmailVerificationBanner />
        <p>page</p>
      </>,
      {
        mocks: [
          signedIn,
          {
            request: { query: EMAIL_VERIFICATION_QUERY },
            result: {
              data: {
                me: { __typename: 'User', id: USER_ID, email: me.email, emailVerified: true },
              },
            },
          },
        ],
      },
    );
    await screen.findByText('page');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText('Confirmez votre adresse e-mail')).not.toBeInTheDocument();
  });
});

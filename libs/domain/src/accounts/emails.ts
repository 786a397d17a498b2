import { type Language } from '../shared/language';

/** A message ready to send: subject, plain-text body and HTML body. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes a value for HTML text or a double-quoted attribute. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] as string);
}

interface LinkEmailTexts {
  subject: string;
  greeting: (name: string) => string;
  body: string;
  action: string;
  expiry: string;
  ignore: string;
}

/** What every account e-mail needs: who it is for, the link to follow, in which language. */
export interface AccountEmailInput {
  displayName: string;
  /** Absolute link carrying the token. */
  link: string;
  lang: Language;
}

const SIGNATURE: Record<Language, string> = {
  fr: 'L’équipe Passerelle',
  en: 'The Passerelle team',
};

const VERIFY: Record<Language, LinkEmailTexts> = {
  fr: {
    subject: 'Confirmez votre adresse e-mail sur Passerelle',
    greeting: (name) => `Bonjour ${name},`,
    body: 'Pour confirmer que cette adresse est bien la vôtre, ouvrez le lien ci-dessous.',
    action: 'Confirmer mon adresse',
    expiry: 'Ce lien fonctionne une seule fois, pendant 48 heures.',
    ignore:
      'Si vous n’avez pas créé de compte sur Passerelle, ignorez ce message : rien ne sera fait sans ce lien.',
  },
  en: {
    subject: 'Confirm your e-mail address on Passerelle',
    greeting: (name) => `Hello ${name},`,
    body: 'To confirm that this address is yours, open the link below.',
    action: 'Confirm my address',
    expiry: 'This link works once, for 48 hours.',
    ignore:
      'If you did not create an account on Passerelle, ignore this message: nothing happens without this link.',
  },
};

const RESET: Record<Language, LinkEmailTexts> = {
  fr: {
    subject: 'Réinitialisez votre mot de passe Passerelle',
    greeting: (name) => `Bonjour ${name},`,
    body: 'Une demande de nouveau mot de passe a été faite pour votre compte. Pour choisir un nouveau mot de passe, ouvrez le lien ci-dessous.',
    action: 'Choisir un nouveau mot de passe',
    expiry:
      'Ce lien fonctionne une seule fois, pendant une heure. Une fois le mot de passe changé, toutes vos sessions sont fermées.',
    ignore:
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
  },
  en: {
    subject: 'Reset your Passerelle password',
    greeting: (name) => `Hello ${name},`,
    body: 'A new password was requested for your account. To choose a new password, open the link below.',
    action: 'Choose a new password',
    expiry:
      'This link works once, for one hour. Once the password is changed, all your sessions are signed out.',
    ignore: 'If you did not ask for this, ignore this message: your password stays unchanged.',
  },
};

function linkEmail(texts: LinkEmailTexts, input: AccountEmailInput): EmailContent {
  const { displayName, link, lang } = input;
  const text = [
    texts.greeting(displayName),
    '',
    texts.body,
    '',
    `${texts.action}${lang === 'fr' ? ' : ' : ': '}${link}`,
    '',
    texts.expiry,
    texts.ignore,
    '',
    SIGNATURE[lang],
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${lang}"><body>`,
    `<p>${escapeHtml(texts.greeting(displayName))}</p>`,
    `<p>${escapeHtml(texts.body)}</p>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(texts.action)}</a></p>`,
    `<p>${escapeHtml(link)}</p>`,
    `<p>${escapeHtml(texts.expiry)}</p>`,
    `<p>${escapeHtml(texts.ignore)}</p>`,
    `<p>${escapeHtml(SIGNATURE[lang])}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: texts.subject, text, html };
}

/** The e-mail sent at sign-up (and on request) with the link confirming the address. */
export function verificationEmail(input: AccountEmailInput): EmailContent {
  return linkEmail(VERIFY[input.lang], input);
}

/** The e-mail carrying a password-reset link. */
export function passwordResetEmail(input: AccountEmailInput): EmailContent {
  return linkEmail(RESET[input.lang], input);
}

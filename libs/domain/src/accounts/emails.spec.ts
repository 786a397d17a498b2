import { passwordResetEmail, verificationEmail } from './emails';

const link = 'https://passerelle.example.fr/verifier-email?jeton=abc_DEF-123';

describe('verificationEmail', () => {
  it('writes French with the link in both bodies', () => {
    const email = verificationEmail({ displayName: 'Camille', link, lang: 'fr' });
    expect(email.subject).toBe('Confirmez votre adresse e-mail sur Passerelle');
    expect(email.text).toContain('Bonjour Camille,');
    expect(email.text).toContain(`Confirmer mon adresse : ${link}`);
    expect(email.text).toContain('48 heures');
    expect(email.html).toContain('<html lang="fr">');
    expect(email.html).toContain(`<a href="${link}">Confirmer mon adresse</a>`);
  });

  it('writes English on request', () => {
    const email = verificationEmail({ displayName: 'Sam', link, lang: 'en' });
    expect(email.subject).toBe('Confirm your e-mail address on Passerelle');
    expect(email.text).toContain('Hello Sam,');
    expect(email.text).toContain(`Confirm my address: ${link}`);
    expect(email.html).toContain('<html lang="en">');
  });

  it('escapes the name and the link in the HTML body only', () => {
    const email = verificationEmail({
      displayName: `<script>alert('x')</script>`,
      link: 'https://x.test/?a=1&b="2"',
      lang: 'fr',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Bonjour &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;,');
    expect(email.html).toContain('href="https://x.test/?a=1&amp;b=&quot;2&quot;"');
    expect(email.text).toContain(`Bonjour <script>alert('x')</script>,`);
  });
});

describe('passwordResetEmail', () => {
  it.each([
    [
      'fr',
      'Réinitialisez votre mot de passe Passerelle',
      'une heure',
      'Choisir un nouveau mot de passe : ',
    ],
    ['en', 'Reset your Passerelle password', 'one hour', 'Choose a new password: '],
  ] as const)('writes %s with the lifetime and the link', (lang, subject, lifetime, action) => {
    const email = passwordResetEmail({ displayName: 'Camille', link, lang });
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(lifetime);
    expect(email.text).toContain(`${action}${link}`);
    expect(email.html).toContain(`href="${link}"`);
  });
});

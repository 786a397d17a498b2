// Watches a page for any sign that stored content became markup or code: the sentinel, dialogs,
// Content-Security-Policy violations, uncaught errors, and injected elements or attributes.
import type { Page } from '@playwright/test';
import { INJECTED_ATTRIBUTE, SENTINEL } from './payloads';

export interface PageWatch {
  /** Everything suspicious seen so far on the page (empty when clean). */
  findings(): Promise<string[]>;
}

/** Call before the first navigation: installs the listeners. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const events: string[] = [];
  page.on('dialog', (dialog) => {
    events.push(`dialog opened (${dialog.type()}): ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => events.push(`uncaught error: ${error.message}`));
  await page.addInitScript(() => {
    const store = window as unknown as { __cspViolations: string[] };
    store.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      store.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ` +
          `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}: ${event.sample}`,
      );
    });
  });
  return {
    async findings() {
      const inPage = await page.evaluate(scanDocument, {
        attribute: INJECTED_ATTRIBUTE,
        sentinel: SENTINEL,
      });
      return [...events, ...inPage];
    },
  };
}

/** Runs in the page: must not reference anything outside itself. */
function scanDocument({ attribute, sentinel }: { attribute: string; sentinel: string }): string[] {
  const found: string[] = [];
  const globals = window as unknown as Record<string, unknown>;
  if (globals[sentinel] !== undefined) found.push(`sentinel set by ${String(globals[sentinel])}`);
  for (const violation of (globals.__cspViolations as string[] | undefined) ?? []) {
    found.push(`CSP violation: ${violation}`);
  }
  const show = (element: Element) => element.outerHTML.slice(0, 200);
  const URL_ATTRIBUTES = new Set([
    'href',
    'xlink:href',
    'src',
    'action',
    'formaction',
    'data',
    'poster',
    'background',
    'codebase',
    'cite',
    'ping',
  ]);
  const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
  // Browsers drop ASCII tabs and newlines inside URLs and trim control characters around them.
  // eslint-disable-next-line no-control-regex
  const normalise = (value: string) => value.replace(/[\u0000-\u0020\u007f]/g, '');
  const FORBIDDEN_TAGS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet']);
  // The state of a page rendered on the server holds stored texts as data: allowed when it is the
  // page's one such element, of a type browsers never run, whose text has no `<` (nothing could
  // have ended it) and is one whole JSON value. A payload that escaped it would be another element.
  const isServerState = (element: Element) => {
    if (element.id !== 'server-state' || element.getAttribute('type') !== 'application/json') {
      return false;
    }
    if (document.querySelectorAll('script[type="application/json"]').length !== 1) return false;
    const text = element.textContent ?? '';
    if (text.includes('<')) return false;
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (FORBIDDEN_TAGS.has(tag)) found.push(`<${tag}> element: ${show(element)}`);
    if (tag === 'base' || (tag === 'meta' && element.hasAttribute('http-equiv'))) {
      found.push(`<${tag}> element: ${show(element)}`);
    }
    if (
      ['script', 'style'].includes(tag) &&
      (element.textContent ?? '').includes(sentinel) &&
      !isServerState(element)
    ) {
      found.push(`<${tag}> with the payload: ${show(element)}`);
    }
    if (tag === 'script' && element.getAttribute('src')) {
      const src = new URL(element.getAttribute('src') ?? '', location.href);
      if (src.origin !== location.origin) found.push(`foreign script: ${show(element)}`);
    }
    if (tag === 'link' && element.getAttribute('href')) {
      const href = new URL(element.getAttribute('href') ?? '', location.href);
      if (href.origin !== location.origin) found.push(`foreign link: ${show(element)}`);
    }
    for (const { name, value } of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) {
        found.push(`event-handler attribute ${lower}: ${show(element)}`);
      } else if (lower === attribute) {
        found.push(`injected element: ${show(element)}`);
      } else if (lower === 'srcdoc') {
        found.push(`srcdoc attribute: ${show(element)}`);
      } else if (lower === 'style' && /javascript:|expression\(|url\(/i.test(normalise(value))) {
        found.push(`style with a URL or expression: ${show(element)}`);
      } else if (lower === 'srcset' && /(javascript|vbscript|data):/i.test(normalise(value))) {
        found.push(`srcset with a script URL: ${show(element)}`);
      } else if (URL_ATTRIBUTES.has(lower) && value.trim() !== '') {
        let scheme = '';
        try {
          scheme = new URL(normalise(value), location.href).protocol;
        } catch {
          scheme = normalise(value).split(':')[0];
        }
        const image = tag === 'img' && lower === 'src' && /^data:image\//i.test(normalise(value));
        if (!SAFE_SCHEMES.has(scheme) && !image && !(tag === 'img' && scheme === 'blob:')) {
          found.push(`${lower} with scheme ${scheme}: ${show(element)}`);
        }
      }
    }
  }
  return found;
}

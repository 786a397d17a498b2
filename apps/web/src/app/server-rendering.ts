/**
 * How a page rendered on the server (entry-server.tsx, sent by the API's server-render.ts) hands
 * its state to main.tsx, and the head of the page.
 */
import { type PageHead } from '../shared/ui/usePageTitle';

/** Id of the `<script type="application/json">` carrying the Apollo cache of a rendered page. */
export const SERVER_STATE_ID = 'server-state';

export interface ServerState {
  /** The UI language the page was rendered in. */
  language: string;
  /** The Apollo cache after the render. */
  cache: Record<string, unknown>;
}

/** The state the server left in the page, or null when it sent the page without rendering it. */
export function readServerState(doc: Document): ServerState | null {
  const script = doc.getElementById(SERVER_STATE_ID);
  if (!script?.textContent) return null;
  try {
    return JSON.parse(script.textContent) as ServerState;
  } catch {
    return null;
  }
}

/** Characters that would end the script element or break a JavaScript string, escaped in JSON. */
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * The `<script type="application/json">` element carrying the state: not run by the browser (the
 * Content-Security-Policy forbids inline scripts), and written so that no text from the data (a
 * proposal titled `</script><script>…`) can end it.
 */
export function serverStateScript(state: ServerState): string {
  const json = JSON.stringify(state).replace(
    UNSAFE_IN_SCRIPT,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<script type="application/json" id="${SERVER_STATE_ID}">${json}</script>`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);

/** Longest description kept: search engines and link previews show about this much. */
const DESCRIPTION_LENGTH = 200;

/** The text cut at a word before `max` characters, with an ellipsis, on one line. */
function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The head elements of a page rendered on the server: its title and, when the page gave one, its
 * description, with their Open Graph copies (what messaging apps and social networks show for a
 * shared link). Text from the data (a proposal's title) is escaped.
 */
export function pageHeadMarkup(head: PageHead, siteName: string): string {
  const title = escapeHtml(head.title ?? siteName);
  const elements = [
    `<title>${title}</title>`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:site_name" content="${escapeHtml(siteName)}" />`,
    '<meta property="og:type" content="website" />',
    '<meta property="og:locale" content="fr_FR" />',
  ];
  if (head.description?.trim()) {
    const description = escapeHtml(shorten(head.description, DESCRIPTION_LENGTH));
    elements.push(
      `<meta name="description" content="${description}" />`,
      `<meta property="og:description" content="${description}" />`,
    );
  }
  return elements.join('\n    ');
}

/**
 * How a page rendered on the server (entry-server.tsx, sent by the API's server-render.ts) hands
 * its state to main.tsx.
 */

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

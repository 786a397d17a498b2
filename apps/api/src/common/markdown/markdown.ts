import MarkdownIt, { type Env } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Where a source marker `[n]` leads: the n-th entry of `sourceLinks`. */
export interface SourceLink {
  /** A path of the app, e.g. `/propositions/<id>` or `/propositions/<id>#commentaire-<id>`. */
  href: string;
  /** Shown as the link's tooltip: the cited proposal's title. */
  title: string;
}

export interface RenderOptions {
  /**
   * The section's citations in order: each valid marker `[n]` (the domain's
   * SOURCE_MARKER_PATTERN: not followed by `(` or `:`) becomes a footnote link to the n-th.
   * Markers naming no entry (or a null one) stay text.
   */
  sourceLinks?: readonly (SourceLink | null)[];
}

interface SourceRefMeta {
  number: number;
  link: SourceLink;
}

// Same shape as the domain's SOURCE_MARKER_PATTERN, anchored at the parser's position.
const MARKER_AT_START = /^\[(\d{1,3})\](?![(:])/;

// Raw HTML in the source is escaped, not interpreted; links are auto-detected.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

// Runs before `link`, so `[2]` is a marker even when a reference definition `[2]: …` exists
// (as the domain counts it), while `[2](…)` stays a Markdown link and code spans stay code.
markdown.inline.ruler.before('link', 'source_ref', (state, silent) => {
  const links = (state.env as RenderOptions).sourceLinks;
  if (!links || state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false;
  const match = MARKER_AT_START.exec(state.src.slice(state.pos, state.posMax));
  const number = match ? Number(match[1]) : 0;
  const link = links[number - 1];
  if (!match || !link) return false;
  if (!silent) {
    // Inside a link's text a second link cannot nest: the marker stays text there.
    if (state.linkLevel > 0) {
      state.push('text', '', 0).content = match[0];
    } else {
      state.push('source_ref', 'sup', 0).meta = { number, link } satisfies SourceRefMeta;
    }
  }
  state.pos += match[0].length;
  return true;
});

// The anchor is marked so that the sanitizer below tells it from the links people write (the
// attribute itself is not allowed, so it never reaches the page).
markdown.renderer.rules.source_ref = (tokens, index) => {
  const { number, link } = tokens[index].meta as unknown as SourceRefMeta;
  const escape = markdown.utils.escapeHtml;
  return (
    `<sup class="source-ref"><a href="${escape(link.href)}" title="${escape(link.title)}" ` +
    `data-source-ref="">[${number}]</a></sup>`
  );
};

/** User content sits below the page's own headings: h1–h2 become h3, the rest h4. */
const HEADING = (level: 3 | 4) => sanitizeHtml.simpleTransform(`h${level}`, {});

/**
 * Links people write get `rel="nofollow ugc noopener"` and no title; the app's own source links
 * (an internal path, marked by the renderer above) keep their title and get no rel.
 */
const transformLink: sanitizeHtml.Transformer = (_tagName, attribs) => {
  const href = attribs.href ?? '';
  if ('data-source-ref' in attribs && href.startsWith('/') && !href.startsWith('//')) {
    return { tagName: 'a', attribs: { href, title: attribs.title ?? '' } };
  }
  const userLink: sanitizeHtml.Attributes = { ...attribs, rel: 'nofollow ugc noopener' };
  delete userLink.title;
  return { tagName: 'a', attribs: userLink };
};

const ALLOW_LIST: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'ul',
    'ol',
    'li',
    'blockquote',
    'code',
    'pre',
    'hr',
    'a',
    'h3',
    'h4',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'sup',
  ],
  allowedAttributes: { a: ['href', 'rel', 'title'], ol: ['start'], th: ['style'], td: ['style'] },
  // `sup` only ever comes from the source-marker renderer: Markdown has no syntax for it and raw
  // HTML is escaped.
  allowedClasses: { sup: ['source-ref'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: transformLink,
    h1: HEADING(3),
    h2: HEADING(3),
    h3: HEADING(4),
    h4: HEADING(4),
    h5: HEADING(4),
    h6: HEADING(4),
  },
};

/**
 * Renders user-written Markdown to HTML that is safe to insert in a page: Markdown only (raw HTML
 * is shown as text), then an allow-list of tags, attributes and URL schemes; every link written
 * by a person gets `rel="nofollow ugc noopener"`. With `sourceLinks`, source markers `[n]` become
 * `<sup class="source-ref"><a href title>[n]</a></sup>`. Called once at write time; the result is
 * stored.
 */
export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  const env: Env = { sourceLinks: options.sourceLinks };
  return sanitizeHtml(markdown.render(source, env), ALLOW_LIST).trim();
}

import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in the source is escaped, not interpreted; links are auto-detected.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

/** User content sits below the page's own headings: h1–h2 become h3, the rest h4. */
const HEADING = (level: 3 | 4) => sanitizeHtml.simpleTransform(`h${level}`, {});

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
  ],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'], th: ['style'], td: ['style'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }),
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
 * is shown as text), then an allow-list of tags, attributes and URL schemes; every link gets
 * `rel="nofollow ugc noopener"`. Called once at write time; the result is stored.
 */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), ALLOW_LIST).trim();
}

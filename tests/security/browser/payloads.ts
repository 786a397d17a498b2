// The stored-XSS corpus. Every payload, if it ever ran, would set `window.__xss` to its id (some
// also open a dialog); every element or attribute it tries to inject carries `data-xss`, so an
// escaping bug shows in the DOM even when the Content-Security-Policy stops the script itself.

/** The attribute every injected element carries: no page of the app ever renders it. */
export const INJECTED_ATTRIBUTE = 'data-xss';

/** The global a payload sets when it runs. */
export const SENTINEL = '__xss';

export interface Payload {
  id: string;
  /** What the attack is. */
  kind: string;
  text: string;
}

const run = (id: string) => `window.${SENTINEL}='${id}'`;
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The whole corpus (Markdown-capable fields get all of it, in batches). */
export const PAYLOADS: readonly Payload[] = [
  // Script tags.
  { id: 's01', kind: 'script tag', text: `<script data-xss>${run('s01')}</script>` },
  { id: 's02', kind: 'uppercase script tag', text: `<SCRIPT DATA-XSS>${run('s02')}</SCRIPT>` },
  {
    id: 's03',
    kind: 'split script tag',
    text: `<scr<script>ipt data-xss>${run('s03')}</scr</script>ipt>`,
  },
  {
    id: 's04',
    kind: 'script with data: src',
    text: `<script data-xss src="data:text/javascript,${run('s04')}"></script>`,
  },
  {
    id: 's05',
    kind: 'nested script tags',
    text: `<<script data-xss>${run('s05')};//<</script>`,
  },
  {
    id: 's06',
    kind: 'context breakout then script',
    text: `</textarea></title></style></noscript><script data-xss>${run('s06')}</script>`,
  },
  // Event handlers.
  { id: 'e01', kind: 'img onerror', text: `<img src=x data-xss onerror="${run('e01')}">` },
  { id: 'e02', kind: 'svg onload', text: `<svg data-xss onload="${run('e02')}">` },
  { id: 'e03', kind: 'body onload', text: `<body data-xss onload="${run('e03')};alert('e03')">` },
  {
    id: 'e04',
    kind: 'details ontoggle',
    text: `<details data-xss open ontoggle="${run('e04')}"><summary>e04</summary></details>`,
  },
  {
    id: 'e05',
    kind: 'input autofocus onfocus',
    text: `<input data-xss autofocus onfocus="${run('e05')}">`,
  },
  {
    id: 'e06',
    kind: 'onmouseover on a full-page div',
    text: `<div data-xss style="position:fixed;inset:0" onmouseover="${run('e06')}">e06</div>`,
  },
  {
    id: 'e07',
    kind: 'unquoted handler, slash separator',
    text: `<img/src=x/data-xss/onerror=${run('e07')}>`,
  },
  // javascript:, data: and vbscript: links.
  { id: 'j01', kind: 'Markdown javascript: link', text: `[lien j01](javascript:${run('j01')})` },
  {
    id: 'j02',
    kind: 'Markdown mixed-case javascript: link',
    text: `[lien j02](JaVaScRiPt:${run('j02')})`,
  },
  {
    id: 'j03',
    kind: 'Markdown data:text/html link',
    text: `[lien j03](data:text/html;base64,${base64(`<script>parent.${SENTINEL}='j03'</script>`)})`,
  },
  { id: 'j04', kind: 'Markdown vbscript: link', text: `[lien j04](vbscript:msgbox("j04"))` },
  {
    id: 'j05',
    kind: 'HTML link with a tab entity in the scheme',
    text: `<a data-xss href="jav&#x09;ascript:${run('j05')}">lien j05</a>`,
  },
  {
    id: 'j06',
    kind: 'HTML link with an encoded colon',
    text: `<a data-xss href="javascript&colon;${run('j06')}">lien j06</a>`,
  },
  { id: 'j07', kind: 'Markdown autolink', text: `<javascript:${run('j07')}>` },
  {
    id: 'j08',
    kind: 'Markdown reference link',
    text: `[lien j08][j08]\n\n[j08]: javascript:${run('j08')}`,
  },
  { id: 'j09', kind: 'Markdown image', text: `![image j09](javascript:${run('j09')})` },
  {
    id: 'j10',
    kind: 'Markdown link with an encoded tab',
    text: `[lien j10](java%09script:${run('j10')})`,
  },
  {
    id: 'j11',
    kind: 'link with a quote breaking out of href',
    text: `https://example.org/j11"onmouseover="${run('j11')}"data-xss="`,
  },
  {
    id: 'j12',
    kind: 'Markdown link title breakout',
    text: `[lien j12](https://example.org "a\\" onmouseover=\\"${run('j12')}")`,
  },
  // SVG and MathML.
  {
    id: 'v01',
    kind: 'SVG with a script',
    text: `<svg data-xss><script>${run('v01')}</script></svg>`,
  },
  {
    id: 'v02',
    kind: 'SVG xlink:href',
    text: `<svg data-xss><a xlink:href="javascript:${run('v02')}"><text y="20">v02</text></a></svg>`,
  },
  {
    id: 'v03',
    kind: 'MathML mutation',
    text: `<math data-xss><mtext><table><mglyph><style><img src=x data-xss onerror="${run('v03')}">`,
  },
  // Markdown and HTML nested.
  {
    id: 'n01',
    kind: 'HTML inside Markdown emphasis and link text',
    text: `**gras <img src=x data-xss onerror="${run('n01')}">** et [<b data-xss>n01</b>](https://example.org/n01)`,
  },
  {
    id: 'n02',
    kind: 'HTML inside a quote and a code span',
    text: `> citation <script data-xss>${run('n02')}</script>\n\n\`<img data-xss src=x onerror=${run('n02')}>\``,
  },
  {
    id: 'n03',
    kind: 'HTML inside a fenced code block',
    text: '```html\n<script data-xss>' + run('n03') + '</script>\n```',
  },
  {
    id: 'n04',
    kind: 'noscript mutation',
    text: `<noscript><p title="</noscript><img src=x data-xss onerror=${run('n04')}>">`,
  },
  // Frames, objects, forms.
  {
    id: 'f01',
    kind: 'iframe srcdoc',
    text: `<iframe data-xss srcdoc="<script>parent.${SENTINEL}='f01'</script>"></iframe>`,
  },
  {
    id: 'f02',
    kind: 'iframe javascript: src',
    text: `<iframe data-xss src="javascript:parent.${SENTINEL}='f02'"></iframe>`,
  },
  {
    id: 'f03',
    kind: 'object and embed',
    text: `<object data-xss data="javascript:${run('f03')}"></object><embed data-xss src="javascript:${run('f03')}">`,
  },
  {
    id: 'f04',
    kind: 'form action and formaction',
    text: `<form data-xss action="javascript:${run('f04')}"><button data-xss formaction="javascript:${run('f04')}">f04</button></form>`,
  },
  // Style and link tricks.
  {
    id: 'c01',
    kind: 'style element',
    text: `<style data-xss>@import 'https://example.org/c01.css';body{background:url("javascript:${run('c01')}")}</style>`,
  },
  {
    id: 'c02',
    kind: 'link and base elements',
    text: `<link data-xss rel="stylesheet" href="javascript:${run('c02')}"><base data-xss href="javascript:${run('c02')}//">`,
  },
  {
    id: 'c03',
    kind: 'meta refresh',
    text: `<meta data-xss http-equiv="refresh" content="0;url=javascript:${run('c03')}">`,
  },
  // Attribute breakouts.
  {
    id: 'a01',
    kind: 'double-quote attribute breakout',
    text: `" onmouseover="${run('a01')}" data-xss="`,
  },
  {
    id: 'a02',
    kind: 'single-quote attribute breakout',
    text: `' onfocus='${run('a02')}' autofocus data-xss='`,
  },
  { id: 'a03', kind: 'tag breakout', text: `"><img src=x data-xss onerror="${run('a03')}">` },
  // Templates.
  {
    id: 't01',
    kind: 'Angular-style template',
    text: `{{constructor.constructor('${run('t01')}')()}}`,
  },
  {
    id: 't02',
    kind: 'template literal, i18next nesting and Trans tags',
    text: `\${${run('t02')}} {{${SENTINEL}}} $t(nav.home) <0 data-xss>t02</0> <strong data-xss>t02</strong>`,
  },
  // Unicode tricks.
  {
    id: 'u01',
    kind: 'fullwidth angle brackets',
    text: `＜script data-xss＞${run('u01')}＜/script＞`,
  },
  {
    id: 'u02',
    kind: 'right-to-left override',
    text: `\u202E<script data-xss>${run('u02')}</script>\u202C`,
  },
  {
    id: 'u03',
    kind: 'zero-width joiner inside javascript',
    text: `[lien u03](java\u200Dscript:${run('u03')}) <a data-xss href="java\u200Bscript:${run('u03')}">u03</a>`,
  },
  {
    id: 'u04',
    kind: 'overlong-looking and escaped brackets',
    text: `\\x3cscript data-xss\\x3e${run('u04')}\\x3c/script\\x3e %3Cscript data-xss%3E${run('u04')}%3C/script%3E`,
  },
  // HTML entities.
  {
    id: 'h01',
    kind: 'entity-encoded script',
    text: `&lt;script data-xss&gt;${run('h01')}&lt;/script&gt;`,
  },
  {
    id: 'h02',
    kind: 'numeric entities',
    text: `&#60;img src=x data-xss onerror=${run('h02')}&#62; &#x3C;svg data-xss onload=${run('h02')}&#x3E;`,
  },
  {
    id: 'h03',
    kind: 'double-encoded entities',
    text: `&amp;lt;script data-xss&amp;gt;${run('h03')}&amp;lt;/script&amp;gt;`,
  },
];

/** Payloads whose Markdown rendering is the text itself: they must show word for word. */
export const LITERAL_PAYLOADS: readonly Payload[] = PAYLOADS.filter((payload) =>
  ['s01', 's02', 's04', 'e01', 'e02', 'e05', 'f01', 'v01', 'c03'].includes(payload.id),
);

export function payload(id: string): Payload {
  const found = PAYLOADS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No payload ${id}`);
  return found;
}

/**
 * The payloads as Markdown paragraphs, in batches that fit `maxLength` characters, starting with
 * the `start`-th (so that fields filled from the same corpus begin differently).
 */
export function markdownBatches(maxLength: number, prefix = '', start = 0): string[] {
  const batches: string[] = [];
  let current = prefix;
  for (const { id, text } of [...PAYLOADS.slice(start), ...PAYLOADS.slice(0, start)]) {
    const paragraph = `${id} ${text}\n\n`;
    if (current.length + paragraph.length > maxLength && current !== prefix) {
      batches.push(current.trim());
      current = prefix;
    }
    current += paragraph;
  }
  batches.push(current.trim());
  return batches;
}

/**
 * Short payloads for one-line fields (titles, names: each carries one), with a word so each is
 * unique and long enough. `maxLength` is the field's limit.
 */
export function oneLine(id: string, maxLength: number, word = ''): string {
  const text = `${word}${word ? ' ' : ''}${payload(id).text}`.replace(/\s*\n+\s*/g, ' ');
  if (text.length > maxLength) throw new Error(`${id} is longer than ${maxLength} characters`);
  return text;
}

/** Display names: 2 to 60 characters, one payload each. */
export const NAME_PAYLOADS = {
  author: `<img src=x data-xss onerror=${run('d1')}>`,
  commenter: `"><svg data-xss onload=${run('d2')}>`,
  reporter: `<script data-xss>${run('d3')}</script>`,
  suspended: `' onmouseover='${run('d4')}' data-xss='`,
} as const;

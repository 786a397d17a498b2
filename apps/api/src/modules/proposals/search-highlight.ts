/**
 * Private-use characters that PostgreSQL's ts_headline puts around matches. They are removed
 * from the text beforehand, so they can only come from ts_headline, and the result is split
 * into fragments: clients render text, never HTML from the server.
 */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';

export interface HighlightFragment {
  text: string;
  isMatch: boolean;
}

/** Splits a ts_headline result into plain and matching fragments (adjacent matches merged). */
export function toFragments(headline: string): HighlightFragment[] {
  const fragments: HighlightFragment[] = [];
  const push = (text: string, isMatch: boolean) => {
    if (!text) return;
    const last = fragments.at(-1);
    if (last && last.isMatch === isMatch) last.text += text;
    else fragments.push({ text, isMatch });
  };
  for (const [index, part] of headline.split(HIGHLIGHT_START).entries()) {
    if (index === 0) {
      push(part.replaceAll(HIGHLIGHT_STOP, ''), false);
      continue;
    }
    const stop = part.indexOf(HIGHLIGHT_STOP);
    if (stop === -1) {
      push(part, true);
    } else {
      push(part.slice(0, stop), true);
      push(part.slice(stop + 1).replaceAll(HIGHLIGHT_STOP, ''), false);
    }
  }
  return fragments;
}

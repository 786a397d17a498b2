import type { HighlightFragment } from '../graphql/schema-types';

/** Search-result text from the API's fragments: plain text, with matches in <mark>. */
export function Highlighted({ fragments }: { fragments: HighlightFragment[] }) {
  return (
    <>
      {fragments.map((fragment, index) =>
        fragment.isMatch ? <mark key={index}>{fragment.text}</mark> : fragment.text,
      )}
    </>
  );
}

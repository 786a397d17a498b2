import { paths } from '../../app/paths';

/** The comparison of versions `from` and `to` of a published brief (`/contributions/<slug>/comparer?de=…&a=…`). */
export const briefDiffPath = (slug: string, from?: number, to?: number) =>
  `${paths.brief(slug)}/comparer${from !== undefined && to !== undefined ? `?de=${from}&a=${to}` : ''}`;

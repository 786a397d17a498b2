import { lazy, type ComponentType } from 'react';
import { loadPageMessages } from './i18n';

/**
 * React.lazy for a page or component loaded on demand: it renders once both its code and the
 * messages of the pages are in memory (the initial JavaScript carries the shell's only, see
 * fr-shell.ts). `load` resolves to the component.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props, like React.lazy
export function lazyWithMessages<T extends ComponentType<any>>(load: () => Promise<T>) {
  return lazy(() =>
    Promise.all([load(), loadPageMessages()]).then(([component]) => ({ default: component })),
  );
}

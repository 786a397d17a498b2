import { frPages } from './fr-pages';
import { frShell } from './fr-shell';
import { mergeMessages } from './messages';

/**
 * French messages: the reference locale. Every other locale has exactly the same keys. They are
 * kept in two files so that the initial JavaScript carries only the shell's (fr-shell.ts); the app
 * never imports this file at run time (tests and types do).
 */
export const fr = mergeMessages(frShell, frPages);

import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';
import { en } from './app/i18n/en';
import { fr } from './app/i18n/fr';
import { registerDictionary } from './app/i18n/i18n';

// The app fetches the English dictionary and the French pages' messages on demand; tests create
// either language, complete, synchronously.
registerDictionary('fr', fr);
registerDictionary('en', en);

// findBy… and waitFor wait up to 5 s (1 s by default): on a loaded 2-core machine a mocked query
// and the render after it can take longer than a second.
configure({ asyncUtilTimeout: 5_000 });

// jsdom lacks the encoding API react-router uses.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// jsdom lacks the layout APIs Mantine calls.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe = () => undefined;
  unobserve = () => undefined;
  disconnect = () => undefined;
}
Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
window.HTMLElement.prototype.scrollIntoView = () => undefined;

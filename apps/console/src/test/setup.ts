import { configure } from '@testing-library/react';

// jsdom lacks the layout APIs antd asks for; answer as a desktop screen would.
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

// antd measures scrollbars through pseudo-elements, which jsdom does not implement.
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

(globalThis as { __MAP_TILES__?: unknown }).__MAP_TILES__ = {
  url: 'http://tiles.test/{z}/{x}/{y}.png',
  attribution: 'test tiles',
};

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= ResizeObserverStub;

afterEach(() => {
  localStorage.clear();
});

// An antd deprecation warning is a test failure: the next major removes what it warns about.
// eslint-disable-next-line no-console -- the spy wraps the real console.error
const consoleError = console.error;
beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('[antd:')) throw new Error(args[0]);
    consoleError(...args);
  });
});

// findBy/waitFor give up after 1 s by default; antd pages under jsdom on a loaded 2-core CI
// machine can take longer to settle. A wait still ends as soon as its condition holds.
configure({ asyncUtilTimeout: 10_000 });

/** Set by vite.config.ts at build time: whether this bundle carries the browser tests' hook. */
declare const __TEST_HOOK__: boolean;

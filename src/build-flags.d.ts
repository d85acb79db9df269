// Set by vite.config.ts (`define`) at build time; see buildFlags there.

/** True only in builds made for tests (the e2e suite, the bench): the charts' test hook exists. */
declare const __PARALLAX_TEST_HOOKS__: boolean;

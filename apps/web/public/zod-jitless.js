// Runs before the app's modules (a classic script, not bundled): zod's compiled parsers probe
// for eval with `Function('')` when the schemas are built, which the Content-Security-Policy
// forbids and Chromium reports as a violation on every page. zod reads this global configuration
// when it loads. (No inline script: the CSP forbids those too.)
globalThis.__zod_globalConfig = Object.assign({}, globalThis.__zod_globalConfig, { jitless: true });

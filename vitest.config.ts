import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One Chromium for the whole suite: launched here, shared by every e2e file over its WebSocket.
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: two workers keep the browser busy without starving it.
    maxWorkers: 2,
    // Messages follow the locale (src/i18n): tests read English whatever the machine's LANG; tests of Chinese set it.
    env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  },
});

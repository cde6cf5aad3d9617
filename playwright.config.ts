import { defineConfig } from '@playwright/test';
import { e2eLaunchOptions } from './tests/e2e/chromium.js';

const PORT = Number(process.env.E2E_PORT ?? 41730);

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: true,
	workers: 2,
	forbidOnly: true,
	// On CI a failed test runs once more and, if it passes then, is reported as flaky with its
	// first failure printed in full (the step that stuck, by the bounds below): a rare hang seen
	// only there is then named in the log, not lost with the run.
	retries: process.env.CI ? 1 : 0,
	reporter: 'list',
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		browserName: 'chromium',
		launchOptions: e2eLaunchOptions,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		viewport: { width: 390, height: 844 },
		// A trace records every step's snapshot and a screencast: about a third of the suite's time
		// on two cores. A failure keeps its screenshot; E2E_TRACE=1 records traces to debug one.
		trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
		screenshot: 'only-on-failure',
		// A step that waits for ever would only show as the test's timeout, its step unnamed:
		// each action and navigation gets a bound of its own, so a failure names where it stuck.
		actionTimeout: 15_000,
		navigationTimeout: 20_000
	},
	// The built app, served as in production (never the dev server).
	webServer: {
		command: `node scripts/serve.js build ${PORT}`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});

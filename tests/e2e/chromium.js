import { existsSync } from 'node:fs';

// Debian's Chromium, launched the way this machine allows (no downloaded browsers, no sandbox
// as root, no background networking on a closed network).
const args = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

/** The full browser, as a member's Chromium runs the app: the benchmarks measure with it. */
export const chromiumLaunchOptions = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args
};

/** Debian's headless shell of the same Chromium (same engine and version, without the desktop
 * browser's layers): the end-to-end suite takes about a third less time with it on two cores. */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/** The end-to-end tests' browser: the headless shell where installed, else the full browser. */
export const e2eLaunchOptions = {
	executablePath:
		process.env.CHROMIUM_PATH ??
		(existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium'),
	args
};

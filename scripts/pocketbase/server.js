// Starts one PocketBase process for Gongxue: migrations applied, hooks loaded, the built app
// served on the same origin. Used by `npm start`, the server tests and the benchmarks.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pocketbaseBinary } from './binary.js';
import { buildHooksLib } from './build-hooks.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** A free TCP port on loopback. @returns {Promise<number>} */
export function freePort() {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			srv.close(() => resolve(port));
		});
	});
}

/**
 * @typedef {object} Server
 * @property {string} url
 * @property {string} dir
 * @property {number} port
 * @property {() => Promise<void>} stop
 * @property {import('node:child_process').ChildProcess} process
 */

/**
 * Start PocketBase with its data in `dir` on `port` (0: a free one), with a superuser.
 * @param {{ dir: string, port?: number, publicDir?: string, superuser: { email: string, password: string }, quiet?: boolean }} options
 * @returns {Promise<Server>}
 */
export async function startPocketBase({
	dir,
	port = 0,
	publicDir = join(root, 'build'),
	superuser,
	quiet = true
}) {
	buildHooksLib();
	const bin = pocketbaseBinary();
	const common = ['--dir', dir, '--migrationsDir', join(root, 'pocketbase/pb_migrations')];
	const up = spawnSync(
		bin,
		['superuser', 'upsert', superuser.email, superuser.password, ...common],
		{
			encoding: 'utf8'
		}
	);
	if (up.status !== 0) throw new Error(`superuser upsert failed: ${up.stderr}${up.stdout}`);
	const actualPort = port === 0 ? await freePort() : port;
	// GONGXUE_PB_DEV=1: PocketBase's dev mode, printing every failed request and hook error.
	const dev = process.env.GONGXUE_PB_DEV === '1';
	const child = spawn(
		bin,
		[
			'serve',
			'--http',
			`127.0.0.1:${actualPort}`,
			...common,
			'--hooksDir',
			join(root, 'pocketbase/pb_hooks'),
			'--hooksWatch=false',
			// Collections changed through the API must never write migrations into the repository.
			'--automigrate=false',
			'--publicDir',
			publicDir,
			...(dev ? ['--dev'] : [])
		],
		{
			env: { ...process.env, GONGXUE_PUBLIC_DIR: publicDir },
			stdio: quiet && !dev ? 'ignore' : 'inherit'
		}
	);
	const url = `http://127.0.0.1:${actualPort}`;
	const started = Date.now();
	for (;;) {
		if (child.exitCode !== null) throw new Error(`PocketBase exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${url}/api/health`)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() - started > 20_000) {
			child.kill('SIGKILL');
			throw new Error('PocketBase did not start within 20 s');
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	const stop = () =>
		new Promise((resolve) => {
			if (child.exitCode !== null) return resolve(undefined);
			child.once('exit', () => resolve(undefined));
			child.kill('SIGTERM');
		}).then(() => undefined);
	return { url, dir, port: actualPort, stop, process: child };
}

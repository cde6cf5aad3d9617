// `npm start`: build the app if the build is missing or older than its sources, then serve it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from './serve.js';

/**
 * Newest modification time under `path`, in ms.
 * @param {string} path
 * @returns {number}
 */
function newest(path) {
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	return Math.max(s.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const stale =
	!existsSync('build/index.html') ||
	Math.max(...['src', 'content', 'static', 'package.json'].map(newest)) >
		statSync('build/index.html').mtimeMs;
if (stale) {
	console.log('正在构建共学…');
	const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}
const port = Number(process.env.PORT ?? 4173);
await serveStatic('build', port);
console.log(`共学已启动：http://127.0.0.1:${port}/  （按 Ctrl+C 停止）`);

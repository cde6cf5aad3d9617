// `npm start`: build the app if needed, then run one PocketBase process that serves the API and
// the built app on one origin, with migrations, hooks and an idempotent demo organisation.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { seedBanks, seedDemo, seedLessons, DEMO_PASSWORD } from './pocketbase/seed.js';
import { startPocketBase } from './pocketbase/server.js';

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

const dir = process.env.GONGXUE_DATA ?? 'pocketbase/pb_data';
mkdirSync(dir, { recursive: true });
const superuser = {
	email: process.env.GONGXUE_SUPERUSER_EMAIL ?? 'root@demo.gongxue.cn',
	password: process.env.GONGXUE_SUPERUSER_PASSWORD ?? 'gongxue-root-demo'
};
const server = await startPocketBase({
	dir,
	port: Number(process.env.PORT ?? 8090),
	superuser,
	quiet: false
});
const su = new PocketBase(server.url);
su.autoCancellation(false);
await su.collection('_superusers').authWithPassword(superuser.email, superuser.password);
const written = await seedLessons(su, 'build');
await seedBanks(su, 'build');
const logins = await seedDemo(su, server.url);

console.log(`\n共学已启动：${server.url}/`);
console.log(
	`课程：更新 ${written} 节课到服务器。管理后台：${server.url}/_/（${superuser.email} / ${superuser.password}）`
);
console.log(`示范组织的账号（密码均为 ${DEMO_PASSWORD}）：`);
for (const l of logins) console.log(`  ${l.branch}  ${l.role.padEnd(9)}  ${l.name}  ${l.email}`);
console.log('新党员注册可用支部加入码：YANFA2026、CHANPIN2026、KEFU2026。按 Ctrl+C 停止。');

const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

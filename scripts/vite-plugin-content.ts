import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { buildContent, formatProblem, type SourceFile } from '../src/lib/content/index.ts';

const ID = 'virtual:gongxue-content';
const RESOLVED = `\0${ID}`;

async function readTree(root: string, dir: string): Promise<SourceFile[]> {
	let entries;
	try {
		entries = await readdir(dir, { withFileTypes: true });
	} catch {
		return [];
	}
	const out: SourceFile[] = [];
	for (const e of entries) {
		const path = join(dir, e.name);
		if (e.isDirectory()) out.push(...(await readTree(root, path)));
		else if (/\.(md|txt)$/i.test(e.name)) {
			out.push({
				path: relative(root, path).split(sep).join('/'),
				text: await readFile(path, 'utf8')
			});
		}
	}
	return out;
}

/**
 * Parses `content/` strictly once per build and serves it as `virtual:gongxue-content`. Any
 * problem fails the build with every `path:line: message`; in dev it shows in the overlay.
 */
export function gongxueContent(root = process.cwd()): Plugin {
	const contentDir = join(root, 'content');
	return {
		name: 'gongxue-content',
		resolveId(id) {
			return id === ID ? RESOLVED : undefined;
		},
		async load(id) {
			if (id !== RESOLVED) return undefined;
			const files = await readTree(root, contentDir);
			for (const f of files) this.addWatchFile(join(root, f.path));
			const { lessons, banks, problems } = buildContent(files);
			if (problems.length > 0) {
				this.error(
					`课程内容有 ${problems.length} 处错误：\n${problems.map(formatProblem).join('\n')}`
				);
			}
			return `export const lessons = ${JSON.stringify(lessons)};\nexport const banks = ${JSON.stringify(banks)};\n`;
		},
		configureServer(server) {
			server.watcher.add(contentDir);
			const reload = (file: string) => {
				if (!file.startsWith(contentDir)) return;
				for (const env of Object.values(server.environments)) {
					const mod = env.moduleGraph.getModuleById(RESOLVED);
					if (mod) env.moduleGraph.invalidateModule(mod);
				}
				server.ws.send({ type: 'full-reload' });
			};
			server.watcher.on('change', reload);
			server.watcher.on('add', reload);
			server.watcher.on('unlink', reload);
		}
	};
}

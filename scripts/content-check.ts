// npm run content:check [path…]: check lesson and bank files (all of content/ by default);
// prints one `path:line: message` per problem and exits 1 if there is any, 0 otherwise.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildContent, formatProblem, type SourceFile } from '../src/lib/content';

async function collect(path: string): Promise<string[]> {
	const s = await stat(path);
	if (!s.isDirectory()) return [path];
	const names = await readdir(path);
	const nested = await Promise.all(names.map((n) => collect(join(path, n))));
	return nested.flat().filter((p) => /\.(md|txt)$/i.test(p));
}

const args = process.argv.slice(2);
const roots = args.length > 0 ? args : ['content'];
const files: SourceFile[] = [];
for (const root of roots) {
	let paths: string[];
	try {
		paths = await collect(root);
	} catch {
		console.log(`${root}:1: 找不到文件或目录`);
		process.exit(1);
	}
	for (const path of paths) {
		files.push({ path, text: await readFile(path, 'utf8') });
	}
}
const { lessons, banks, problems } = buildContent(files);
for (const p of problems) console.log(formatProblem(p));
if (problems.length > 0) {
	console.error(`共 ${problems.length} 处问题。`);
	process.exit(1);
}
const questions =
	lessons.reduce((n, l) => n + l.questions.length, 0) +
	banks.reduce((n, b) => n + b.questions.length, 0);
console.error(`检查通过：${lessons.length} 节课，${banks.length} 个题库，${questions} 道题。`);

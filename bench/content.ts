// Content build time: 1,000 lessons through Gongxue's parser (front matter, quiz blocks, ids,
// safe rendering, cross-file checks) against `marked` alone on exactly the same text.
// Prints one JSON line for bench/run.js.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Marked } from 'marked';
import { buildContent, type SourceFile } from '../src/lib/content/index.ts';

const LESSONS = 1000;
const RUNS = 7;

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		return statSync(p).isDirectory() ? walk(p) : p.endsWith('.md') ? [p] : [];
	});
}

// Real lessons, cycled, each with a unique id: realistic length, tables, lists and quizzes.
const templates = walk('content/lessons').map((p) => readFileSync(p, 'utf8'));
const files: SourceFile[] = Array.from({ length: LESSONS }, (_, i) => ({
	path: `content/lessons/gen/${String(i).padStart(4, '0')}.md`,
	text: templates[i % templates.length]!.replace(/^id: .*$/m, `id: gen-lesson-${i}`)
}));
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);

function time(fn: () => void): number {
	const t = performance.now();
	fn();
	return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const ours: number[] = [];
const baseline: number[] = [];
let problems = 0;
for (let run = -2; run < RUNS; run++) {
	const marked = new Marked();
	const b = time(() => {
		for (const f of files) marked.parse(f.text, { async: false });
	});
	const o = time(() => {
		problems = buildContent(files).problems.length;
	});
	if (run >= 0) {
		baseline.push(b);
		ours.push(o);
	}
}
if (problems > 0) throw new Error(`generated content has ${problems} problems`);
console.log(
	JSON.stringify({
		lessons: LESSONS,
		bytes,
		runs: RUNS,
		oursMs: median(ours),
		markedMs: median(baseline)
	})
);

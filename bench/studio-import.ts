// Studio bank import: a 2,000-question bank pasted from Word, read leniently as the studio's
// 题库导入 does it, against `marked`'s lexer over exactly the same text.
//   time: median of RUNS after WARMUP runs, both in this process, taken in turn;
//   memory: each side in a fresh `node --expose-gc` child (this file with --memory), heap growth
//   over a settled heap: at its peak during one import, and retained by what the import keeps.
// Prints one JSON line for bench/run.js.
import { spawnSync } from 'node:child_process';
import { PerformanceObserver } from 'node:perf_hooks';
import { Marked } from 'marked';
import { parseQuestions } from '../src/lib/content/bank.ts';
import { formatQuestions } from '../src/lib/content/bank-format.ts';
import { normaliseText } from '../src/lib/content/lesson.ts';

const CHAPTERS = 10;
/** Each chapter: 80 单选, 50 多选, 40 判断, 30 填空, numbered 1–200 under four section headers. */
const SECTIONS = [
	{ type: 'single', count: 80, name: '单项选择题', points: 1 },
	{ type: 'multiple', count: 50, name: '多项选择题', points: 2 },
	{ type: 'truefalse', count: 40, name: '判断题', points: 1 },
	{ type: 'fill', count: 30, name: '填空题', points: 2 }
] as const;
type Type = (typeof SECTIONS)[number]['type'];
const PER_CHAPTER = SECTIONS.reduce((n, s) => n + s.count, 0);
const QUESTIONS = CHAPTERS * PER_CHAPTER;
/** Where a chapter's two mistakes are (question numbers within the chapter). */
const MISTAKES = [
	[12, 140],
	[95, 185],
	[40, 120],
	[150, 70],
	[188, 20],
	[105, 160],
	[55, 175],
	[130, 5],
	[88, 199],
	[165, 30]
];
/** The mistakes each type of question gets, in turn. */
const KINDS: Record<Type, string[]> = {
	single: ['not-in-options', 'two-letters', 'skipped-letter', 'no-answer', 'duplicate'],
	multiple: ['not-in-options', 'no-answer', 'one-letter'],
	truefalse: ['unreadable', 'duplicate', 'no-answer'],
	fill: ['blank-count', 'no-answer']
};
const WARMUP = 3;
const RUNS = 15;

const TOPICS = [
	'党支部建设',
	'党小组活动',
	'支部委员会会议',
	'党员大会',
	'预备党员考察',
	'入党积极分子培养',
	'发展对象政治审查',
	'入党介绍人工作',
	'党费收缴',
	'组织生活会',
	'民主评议党员',
	'“三会一课”',
	'主题党日',
	'流动党员管理',
	'党员教育培训',
	'发展党员工作',
	'党内监督',
	'党纪处分',
	'谈心谈话',
	'党务公开',
	'支部换届选举',
	'支部书记履职',
	'组织委员工作',
	'宣传委员工作',
	'纪检委员工作',
	'党员档案管理',
	'组织关系转接',
	'党员党籍管理',
	'党员义务履行',
	'党员权利保障',
	'民主集中制落实',
	'请示报告制度',
	'批评和自我批评',
	'支部党课',
	'理论学习',
	'党员志愿服务',
	'联系服务群众',
	'党员先锋岗创建',
	'新兴领域党建',
	'网上党支部'
];
const SINGLE = [
	'关于{t}，下列说法正确的是（ ）。',
	'{t}的有关工作，一般由（ ）负责组织实施。',
	'按照有关规定，{t}的相关材料应当报（ ）备案。',
	'{t}中，最能体现党的根本组织原则的做法是（ ）。',
	'某支部在开展{t}时，下列做法符合规定的是（ ）。',
	'{t}的主要依据是（ ）。',
	'在{t}中，党员应当首先做到（ ）。',
	'下列关于{t}的表述，不准确的是（ ）。',
	'{t}的基本要求不包括（ ）。',
	'开展{t}，应当坚持（ ）的原则。',
	'{t}一般每（ ）至少开展一次。',
	'对{t}中发现的问题，支部应当（ ）。',
	'{t}的会议记录一般由（ ）负责整理保存。',
	'新形势下做好{t}，关键在于（ ）。',
	'{t}的结果应当向（ ）报告。',
	'上级党组织对{t}进行督促检查，主要采取（ ）的方式。',
	'{t}过程中，对有不同意见的，应当（ ）。',
	'{t}应当突出的重点是（ ）。',
	'{t}的对象主要是（ ）。',
	'{t}中最基本的工作方法是（ ）。'
];
const MULTIPLE = [
	'{t}中，下列做法正确的有（ ）。',
	'开展{t}，应当注意的事项包括（ ）。',
	'{t}的主要内容包括（ ）。',
	'下列属于{t}基本要求的有（ ）。',
	'做好{t}，需要把握的原则有（ ）。',
	'{t}可以采取的形式有（ ）。',
	'参加{t}的人员一般包括（ ）。',
	'{t}结束后，支部应当做好的工作有（ ）。',
	'{t}中常见的问题有（ ）。',
	'关于{t}，下列说法正确的有（ ）。',
	'{t}要坚持的方法有（ ）。',
	'加强{t}的措施包括（ ）。',
	'{t}的成果可以体现在（ ）。',
	'{t}需要准备的材料有（ ）。',
	'{t}中支部书记应当（ ）。',
	'推动{t}常态化，可以（ ）。'
];
const TRUEFALSE = [
	'{t}可以由支部书记一人决定。',
	'{t}的情况应当如实记录并存档。',
	'{t}只需在年底集中开展一次即可。',
	'{t}应当严格按照党章和有关规定进行。',
	'开展{t}时，党员可以不参加而由他人代为表态。',
	'{t}的结果不需要向党员通报。',
	'{t}是加强支部建设的重要抓手。',
	'流动党员不需要参加{t}。',
	'在{t}中，党员有权对党组织的工作提出建议。',
	'{t}必须坚持民主集中制原则。',
	'{t}可以用发放福利代替。',
	'{t}应当结合本支部实际创造性地开展。'
];
const FILL: [string, string][] = [
	['党的根本组织原则是____，{t}也必须遵循这一原则。', '民主集中制'],
	['{t}的有关情况，应当在____内向上级党组织报告。', '一个月/1个月'],
	['做好{t}，要坚持____教育和____教育相结合。', '集中|经常性'],
	['{t}要充分发挥党员的____作用。', '先锋模范'],
	['{t}应当做到程序____、结果____。', '规范|公开'],
	['{t}中，党员应当自觉接受党组织的____和监督。', '教育管理/教育、管理'],
	['{t}形成的台账一般保存（ ）年以上。', '3/三'],
	['{t}是落实全面从严治党要求的____举措。', '重要'],
	['开展{t}，要以____为根本遵循。', '党章/《中国共产党章程》'],
	['{t}要紧密结合____的工作实际。', '本单位/本支部']
];
const OPTIONS = [
	'支部委员会',
	'党员大会',
	'上级党委组织部门',
	'党小组组长',
	'支部书记本人',
	'全体党员',
	'一个月',
	'一个季度',
	'半年',
	'一年',
	'实事求是、民主公开',
	'集体讨论决定',
	'及时整改并向上级报告',
	'书面报告上级党组织',
	'少数服从多数',
	'上级党组织批准',
	'党章和党内法规',
	'会议记录簿',
	'坚定理想信念',
	'密切联系群众',
	'走访座谈、查阅资料',
	'统一思想、提高认识',
	'对照检查、相互批评',
	'听取本人意见',
	'在一定范围内公示',
	'严格按程序办理',
	'注重实效、防止走过场',
	'结合业务工作同步推进',
	'由个人说了算',
	'暂不处理、等待上级通知',
	'以会议代替落实',
	'口头提醒即可',
	'建立工作台账，定期对账销号',
	'利用网络平台组织学习'
];
const EXPLAIN = [
	'依据《中国共产党章程》和《中国共产党支部工作条例（试行）》的有关规定。',
	'本题考查支部日常工作的基本程序，应当严格按规定办理，不能随意简化。',
	'党支部是党的基础组织，各项工作都要坚持民主集中制，集体讨论、按程序决定。',
	'参见《中国共产党党员教育管理工作条例》。'
];
const FILL_STEMS = FILL.map(([stem]) => stem);
/** Type markers as banks write them, on one question in ten. */
const MARKERS: Record<Type, string> = {
	single: '【单选】',
	multiple: '【多选题】',
	truefalse: '[判断]',
	fill: '（填空题）'
};
const TRUE_WORDS = ['正确', '对', '√'];
const FALSE_WORDS = ['错误', '错', '×'];

/** A seeded generator (mulberry32): every process makes the same bank. */
function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const CN = '一二三四五六七八九十';
/** 1–99 in Chinese numerals, as section headers number them. */
function numeral(n: number): string {
	const tens = Math.floor(n / 10);
	const ones = n % 10;
	const head = tens === 0 ? '' : tens === 1 ? '十' : `${CN[tens - 1]}十`;
	return head + (ones === 0 ? '' : CN[ones - 1]);
}

/**
 * The bank as a secretary copies it out of a Word document: a title and a note, section headers
 * with points, mixed ways of writing numbers, options, answers and explanations, CR LF line ends,
 * full-width-space indents, no-break spaces, trailing spaces and empty paragraphs; and two
 * mistakes a chapter, each of which costs its question and gives one problem.
 */
function wordPaste() {
	const rnd = random(20_251_107);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
	const lines = [
		'党支部工作知识题库（2025年版）',
		'说明：本题库供各支部学习使用，答案仅供参考。',
		''
	];
	const used: Record<Type, number> = { single: 0, multiple: 0, truefalse: 0, fill: 0 };
	const kindsUsed: Record<Type, number> = { single: 0, multiple: 0, truefalse: 0, fill: 0 };
	const lastGood: Partial<Record<Type, string[]>> = {};
	let mistakes = 0;
	let section = 0;
	const stemOf = (templates: readonly string[], i: number) =>
		templates[i % templates.length]!.replace(
			'{t}',
			TOPICS[Math.floor(i / templates.length) % TOPICS.length]!
		);
	const indent = () => (rnd() < 0.15 ? '\u3000\u3000' : '');
	const dot = () => pick(['.', '.', '．', '、']);
	const optionKey = (k: string) => pick([`${k}.`, `${k}．`, `${k}、`, `${k}.\u00a0`, `（${k}）`]);
	const answerLine = (a: string) =>
		pick(['答案：', '答案：', '【答案】', '正确答案：', '参考答案：']) + a;

	for (let c = 0; c < CHAPTERS; c++) {
		let number = 0;
		for (const s of SECTIONS) {
			section++;
			lines.push(`${numeral(section)}、${s.name}（每题${s.points}分，共${s.count * s.points}分）`);
			for (let j = 0; j < s.count; j++) {
				number++;
				const i = used[s.type]++;
				const mistake = MISTAKES[c]!.includes(number)
					? KINDS[s.type][kindsUsed[s.type]++ % KINDS[s.type].length]!
					: null;
				if (mistake !== null) mistakes++;
				const marker = rnd() < 0.1 ? MARKERS[s.type] : '';
				const q: string[] = [];
				let answer = '';
				if (s.type === 'single' || s.type === 'multiple') {
					const n = s.type === 'single' ? 4 : pick([4, 5]);
					const options: string[] = [];
					while (options.length < n) {
						const o = pick(OPTIONS);
						if (!options.includes(o)) options.push(o);
					}
					q.push(stemOf(s.type === 'single' ? SINGLE : MULTIPLE, i));
					const keys = 'ABCDE'.slice(0, n).split('');
					if (mistake === 'skipped-letter') keys.splice(2, 2, 'D', 'E');
					const written = keys.map((k, x) => `${optionKey(k)}${options[x]}`);
					const short = options.every((o) => o.length <= 6) && mistake === null;
					if (short && rnd() < 0.5) {
						q.push(written.join(pick(['  ', '\t', '\u3000\u3000'])));
					} else q.push(...written);
					const chosen = s.type === 'single' ? [pick(keys)] : keys.filter(() => rnd() < 0.55);
					while (s.type === 'multiple' && chosen.length < 2) {
						const k = pick(keys);
						if (!chosen.includes(k)) chosen.push(k);
					}
					answer = chosen.sort().join(pick(['', '', '、', ',']));
					if (mistake === 'not-in-options') answer = s.type === 'single' ? 'E' : 'ACF';
					if (mistake === 'two-letters') answer = 'AC';
					if (mistake === 'one-letter') answer = 'B';
				} else if (s.type === 'truefalse') {
					q.push(`${stemOf(TRUEFALSE, i)}（ ）`);
					const value = rnd() < 0.5;
					if (rnd() < 0.1) {
						q.push(`A. 正确  B. 错误`);
						answer = value ? 'A' : 'B';
					} else answer = pick(value ? TRUE_WORDS : FALSE_WORDS);
					if (mistake === 'unreadable') answer = '基本正确';
				} else {
					q.push(stemOf(FILL_STEMS, i));
					answer = FILL[i % FILL.length]![1];
					if (mistake === 'blank-count') answer += '|按时'; // one answer too many
				}
				if (mistake === 'duplicate') q.splice(0, q.length, ...lastGood[s.type]!);
				else if (mistake === null) lastGood[s.type] = [...q];
				lines.push(`${indent()}${number}${dot()}${marker}${q[0]}`, ...q.slice(1));
				if (mistake !== 'no-answer') lines.push(answerLine(answer) + (rnd() < 0.2 ? ' ' : ''));
				if (rnd() < 0.5) {
					lines.push(`解析：${pick(EXPLAIN)}`);
					if (rnd() < 0.2) lines.push(pick(EXPLAIN));
				}
				if (rnd() < 0.7) lines.push('');
			}
		}
	}
	return { text: lines.join('\r\n'), mistakes };
}

/**
 * What the import page does with a paste (src/lib/state/bank-import.svelte.ts, setText and
 * parseNow): the text with its line ends as a textarea gives them (Word puts CR LF on the
 * clipboard; normaliseText is also what the import's own normalise does to files), every line
 * read leniently by the shared parser, and the problems listed in line order.
 */
function importPaste(pasted: string) {
	const result = parseQuestions(normaliseText(pasted), 1);
	return {
		questions: result.questions,
		problems: [...result.problems].sort((a, b) => a.line - b.line)
	};
}

const lexMarked = (text: string) => new Marked().lexer(text);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(fn: () => void): number {
	const t = performance.now();
	fn();
	return performance.now() - t;
}

/** In a `node --expose-gc` child: the heap growth of one run of `which` over a settled heap. */
async function memoryChild(which: 'ours' | 'marked', text: string) {
	const gc = globalThis.gc;
	if (gc === undefined) throw new Error('run with node --expose-gc');
	const fn = which === 'ours' ? () => importPaste(text) : () => lexMarked(text);
	for (let i = 0; i < WARMUP; i++) fn(); // compiled code and lazily built tables, as in use
	const gcs: number[] = [];
	const observer = new PerformanceObserver((list) => {
		for (const e of list.getEntries()) gcs.push(e.startTime);
	});
	observer.observe({ entryTypes: ['gc'] });
	gc();
	gc();
	const base = process.memoryUsage().heapUsed;
	const t0 = performance.now();
	const kept = fn();
	const t1 = performance.now();
	// With no collection during the run the heap only grew: heap growth now is its peak.
	const peak = process.memoryUsage().heapUsed - base;
	gc();
	gc();
	const retained = process.memoryUsage().heapUsed - base;
	await new Promise((r) => setTimeout(r, 50)); // gc entries arrive asynchronously
	observer.disconnect();
	const during = gcs.filter((t) => t >= t0 && t <= t1).length;
	if ((Array.isArray(kept) ? kept.length : kept.questions.length) === 0) throw new Error('empty');
	return { peakBytes: peak, retainedBytes: retained, gcsDuring: during };
}

/** Run this file in a fresh child to measure one side's memory. */
function memory(which: 'ours' | 'marked') {
	const r = spawnSync(
		process.execPath,
		[
			'--expose-gc',
			// A young generation big enough that one run allocates without a collection, so the
			// heap growth read after the run is the peak (gcsDuring says whether that held).
			'--min-semi-space-size=256',
			'--max-semi-space-size=256',
			'--import',
			'tsx',
			process.argv[1]!,
			'--memory',
			which
		],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }
	);
	if (r.status !== 0) throw new Error(`memory child (${which}) failed`);
	return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Awaited<
		ReturnType<typeof memoryChild>
	>;
}

const { text, mistakes } = wordPaste();
const mode = process.argv.indexOf('--memory');
if (mode >= 0) {
	const which = process.argv[mode + 1] === 'marked' ? 'marked' : 'ours';
	console.log(JSON.stringify(await memoryChild(which, text)));
} else {
	// The generated bank must read as intended: every question but the mistaken ones, one
	// problem for each mistake.
	const check = importPaste(text);
	if (check.questions.length !== QUESTIONS - mistakes || check.problems.length !== mistakes) {
		throw new Error(
			`generated bank: ${check.questions.length} questions, ${check.problems.length} problems`
		);
	}
	const ours: number[] = [];
	const baseline: number[] = [];
	const save: number[] = [];
	for (let run = -WARMUP; run < RUNS; run++) {
		const b = time(() => lexMarked(text));
		let kept: ReturnType<typeof importPaste>['questions'] = [];
		const o = time(() => {
			kept = importPaste(text).questions;
		});
		// Saving writes the kept questions as the bank's canonical text (formatQuestions).
		const s = time(() => formatQuestions(kept));
		if (run >= 0) {
			baseline.push(b);
			ours.push(o);
			save.push(s);
		}
	}
	console.log(
		JSON.stringify({
			questions: QUESTIONS,
			parsed: check.questions.length,
			problems: check.problems.length,
			chars: text.length,
			bytes: Buffer.byteLength(text),
			runs: RUNS,
			oursMs: median(ours),
			markedMs: median(baseline),
			saveFormatMs: median(save),
			oursSamplesMs: ours.map((x) => Number(x.toFixed(1))),
			markedSamplesMs: baseline.map((x) => Number(x.toFixed(1))),
			memory: { ours: memory('ours'), marked: memory('marked') }
		})
	);
}

import type { Token } from 'marked';
import { parseQuestions } from './bank.ts';
import { parseFrontMatter } from './frontmatter.ts';
import { shortHash } from './hash.ts';
import { lexMarkdown, renderTokens } from './markdown.ts';
import { contentMessages as msg } from './messages.ts';
import type { ContentProblem, Lesson, Question, SourceFile } from './types.ts';

/** Reading speed used to estimate minutes when a lesson does not say: characters a minute. */
const CHARS_PER_MINUTE = 300;
/** Time to answer one question, in minutes. */
const MINUTES_PER_QUESTION = 0.5;

/** Normalise line ends and drop a byte-order mark, as every editor may save differently. */
export function normaliseText(text: string): string {
	return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function countLines(s: string): number {
	let n = 0;
	for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
	return n;
}

/** Estimate study minutes from the body's readable characters and the number of questions. */
export function estimateMinutes(body: string, questions: number): number {
	const readable = body.replace(/```[\s\S]*?```/g, '').replace(/[#>*_`|\-[\]()!\s]/g, '').length;
	const m = readable / CHARS_PER_MINUTE + questions * MINUTES_PER_QUESTION;
	return Math.min(60, Math.max(1, Math.round(m)));
}

/** Parse one lesson file; `order` is its place in the curriculum. */
export function parseLesson(
	file: SourceFile,
	order = 0
): { lesson: Lesson | null; problems: ContentProblem[] } {
	const text = normaliseText(file.text);
	const problems: ContentProblem[] = [];
	const add = (line: number, message: string) => problems.push({ path: file.path, line, message });

	const fm = parseFrontMatter(text);
	for (const p of fm.problems) add(p.line, p.message);

	const tokens = lexMarkdown(fm.body);
	const questions: Question[] = [];
	const seen = new Map<string, number>();
	const kept: Token[] = [];
	let line = fm.bodyLine;
	let hasBody = false;
	for (const token of tokens) {
		if (token.type === 'code' && (token as { lang?: string }).lang?.trim() === 'quiz') {
			const parsed = parseQuestions((token as { text: string }).text, line + 1);
			for (const p of parsed.problems) add(p.line, p.message);
			if (parsed.questions.length === 0 && parsed.problems.length === 0) add(line, msg.emptyQuiz());
			for (const q of parsed.questions) {
				const earlier = seen.get(q.id);
				if (earlier !== undefined) {
					add(q.line, msg.questionPrefix(q.number) + msg.duplicateQuestion(earlier));
				} else {
					seen.set(q.id, q.number);
					questions.push(q);
				}
			}
		} else {
			if (token.type !== 'space') hasBody = true;
			kept.push(token);
		}
		line += countLines(token.raw);
	}
	if (!hasBody && fm.data !== null) add(fm.bodyLine, msg.emptyBody());
	if (fm.data === null || problems.length > 0) return { lesson: null, problems };

	const html = renderTokens(Object.assign(kept, { links: tokens.links }));
	const d = fm.data;
	return {
		lesson: {
			id: d.id,
			title: d.title,
			summary: d.summary,
			category: d.category,
			track: d.track,
			minutes: d.minutes ?? estimateMinutes(fm.body, questions.length),
			credits: d.credits,
			tags: d.tags,
			audio: d.audio,
			video: d.video,
			questionCount: questions.length,
			hash: shortHash(text, 16),
			order,
			html,
			questions
		},
		problems
	};
}

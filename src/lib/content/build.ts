import { parseQuestions } from './bank.ts';
import { ID_PATTERN } from './frontmatter.ts';
import { normaliseText, parseLesson } from './lesson.ts';
import { contentMessages as msg } from './messages.ts';
import type { Bank, ContentProblem, Lesson, SourceFile } from './types.ts';

/** Everything parsed from a set of content files. */
export interface ContentBundle {
	lessons: Lesson[];
	banks: Bank[];
	problems: ContentProblem[];
}

/** Whether a file is a lesson or a bank: by its folder, else by whether it has front matter. */
export function kindOf(file: SourceFile): 'lesson' | 'bank' {
	if (/(^|\/)banks\//.test(file.path)) return 'bank';
	if (/(^|\/)lessons\//.test(file.path)) return 'lesson';
	return normaliseText(file.text).startsWith('---\n') ? 'lesson' : 'bank';
}

/** A bank's id: its file name without the numeric ordering prefix and the extension. */
export function bankId(path: string): string {
	const name = path.split('/').pop() ?? path;
	return name.replace(/\.(md|txt)$/i, '').replace(/^\d+[-_.]/, '');
}

/** Parse one bank file. Its title is its first `#` heading, else its id. */
export function parseBank(file: SourceFile): { bank: Bank | null; problems: ContentProblem[] } {
	const text = normaliseText(file.text);
	const id = bankId(file.path);
	const problems: ContentProblem[] = [];
	if (!ID_PATTERN.test(id)) problems.push({ path: file.path, line: 1, message: msg.badId(id) });
	const parsed = parseQuestions(text);
	for (const p of parsed.problems) problems.push({ path: file.path, ...p });
	if (parsed.questions.length === 0 && parsed.problems.length === 0) {
		problems.push({ path: file.path, line: 1, message: msg.bankEmpty() });
	}
	const title = /^#\s+(.+)$/m.exec(text)?.[1]?.trim() ?? id;
	return {
		bank: problems.length > 0 ? null : { id, title, questions: parsed.questions },
		problems
	};
}

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Parse a whole content tree strictly: lessons and banks, ids unique across all files, files in
 * path order (a numeric prefix orders them). Every problem is returned; callers fail on any.
 */
export function buildContent(files: readonly SourceFile[]): ContentBundle {
	const sorted = [...files].sort((a, b) => collator.compare(a.path, b.path));
	const lessons: Lesson[] = [];
	const banks: Bank[] = [];
	const problems: ContentProblem[] = [];
	const ids = new Map<string, string>();
	const claim = (id: string, path: string): boolean => {
		const other = ids.get(id);
		if (other !== undefined) {
			problems.push({ path, line: 1, message: msg.duplicateId(id, other) });
			return false;
		}
		ids.set(id, path);
		return true;
	};
	const byLine = (a: ContentProblem, b: ContentProblem) => a.line - b.line;
	for (const file of sorted) {
		if (kindOf(file) === 'bank') {
			const r = parseBank(file);
			problems.push(...r.problems.sort(byLine));
			if (r.bank && claim(`bank:${r.bank.id}`, file.path)) banks.push(r.bank);
		} else {
			const r = parseLesson(file, lessons.length);
			problems.push(...r.problems.sort(byLine));
			if (r.lesson && claim(r.lesson.id, file.path)) lessons.push(r.lesson);
		}
	}
	return { lessons, banks, problems };
}

/** Format a problem the way editors and terminals link it: `path:line: message`. */
export function formatProblem(p: ContentProblem): string {
	return `${p.path}:${p.line}: ${p.message}`;
}

import { load, JSON_SCHEMA } from 'js-yaml';

/** A lesson's front matter as the studio's form edits it: every field as text. */
export interface LessonForm {
	id: string;
	title: string;
	summary: string;
	category: string;
	track: 'required' | 'elective';
	/** Blank: estimated from the text. */
	minutes: string;
	/** Blank: the rules' default. */
	credits: string;
	audio: string;
	video: string;
}

export const EMPTY_FORM: LessonForm = {
	id: '',
	title: '',
	summary: '',
	category: '',
	track: 'elective',
	minutes: '',
	credits: '',
	audio: '',
	video: ''
};

const ORDER: (keyof LessonForm)[] = [
	'id',
	'title',
	'summary',
	'category',
	'track',
	'minutes',
	'credits',
	'audio',
	'video'
];
const NUMERIC = new Set<keyof LessonForm>(['minutes', 'credits']);

/** A YAML scalar for a form value: numbers as numbers, text as a JSON string (valid YAML). */
function scalar(key: keyof LessonForm, value: string): string {
	if (NUMERIC.has(key) && /^\d+$/.test(value)) return value;
	return /^[\p{L}\p{N}][\p{L}\p{N} _./-]*$/u.test(value) && !/^(true|false|null|\d.*)$/i.test(value)
		? value
		: JSON.stringify(value);
}

/** The lesson file for a form and a body; blank optional fields are left out. */
export function composeLesson(form: LessonForm, body: string): string {
	const lines = ORDER.filter((k) => form[k].trim() !== '' || k === 'id' || k === 'title').map(
		(k) => `${k}: ${scalar(k, form[k].trim())}`
	);
	return `---\n${lines.join('\n')}\n---\n\n${body.replace(/^\n+/, '')}`;
}

/** Lines of a composed file before the body (front matter and the blank line after it). */
export function headerLines(form: LessonForm): number {
	return composeLesson(form, '').split('\n').length - 1;
}

/**
 * A lesson file split into the form's fields and its body, for editing. Front matter that does
 * not read as YAML leaves the form blank and the whole text in the body, so nothing is lost.
 */
export function splitLesson(text: string): { form: LessonForm; body: string } {
	const m = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text.replace(/\r\n?/g, '\n'));
	if (m === null) return { form: { ...EMPTY_FORM }, body: text };
	let data: Record<string, unknown>;
	try {
		const parsed = load(m[1] ?? '', { schema: JSON_SCHEMA });
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
		data = parsed as Record<string, unknown>;
	} catch {
		return { form: { ...EMPTY_FORM }, body: text };
	}
	const form = { ...EMPTY_FORM };
	for (const key of ORDER) {
		const v = data[key];
		if (v === undefined || v === null) continue;
		if (key === 'track') form.track = v === 'required' || v === '必修' ? 'required' : 'elective';
		else form[key] = String(v);
	}
	return { form, body: text.replace(/\r\n?/g, '\n').slice(m[0].length).replace(/^\n+/, '') };
}

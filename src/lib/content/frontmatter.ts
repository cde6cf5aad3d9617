import { load, JSON_SCHEMA, YAMLException } from 'js-yaml';
import { safeUrl } from './markdown.ts';
import { contentMessages as msg } from './messages.ts';
import type { Track } from './types.ts';

/** The validated front matter of a lesson. */
export interface FrontMatter {
	id: string;
	title: string;
	summary: string;
	category: string;
	track: Track;
	minutes: number | null;
	credits: number | null;
	tags: string[];
	audio: string | null;
	video: string | null;
}

export interface FrontMatterResult {
	data: FrontMatter | null;
	/** Line (1-based, in the file) where the body starts. */
	bodyLine: number;
	body: string;
	problems: { line: number; message: string }[];
	/** Line of each key, for messages about a field's value. */
	keyLines: Map<string, number>;
}

const KNOWN = new Set([
	'id',
	'title',
	'summary',
	'category',
	'track',
	'minutes',
	'credits',
	'tags',
	'audio',
	'video'
]);
const REQUIRED = ['id', 'title', 'category'] as const;
const TRACKS: Record<string, Track> = {
	required: 'required',
	elective: 'elective',
	必修: 'required',
	选修: 'elective'
};
export const ID_PATTERN = /^[a-z0-9-]{3,64}$/;
const LIMITS = { title: 60, summary: 120 } as const;

/** js-yaml's reasons, in words a secretary can act on; `back` moves to the line at fault. */
const YAML_REASONS: { test: RegExp; hint: string; back?: number }[] = [
	{ test: /duplicated mapping key/, hint: msg.yamlDuplicate() },
	{ test: /tab characters/, hint: msg.yamlTab() },
	{ test: /multiline key may not be an implicit key/, hint: msg.yamlNoColon(), back: 1 },
	{ test: /bad indentation|end of the stream or a document separator/, hint: msg.yamlIndent() },
	{ test: /flow collection|within a (double|single) quoted scalar/, hint: msg.yamlUnclosed() }
];

function yamlProblem(e: YAMLException): { line: number; message: string } {
	const known = YAML_REASONS.find((r) => r.test.test(e.reason));
	// The mark's line is 0-based within the YAML, which starts on line 2 of the file.
	const line = Math.max(2, (e.mark?.line ?? 0) + 2 - (known?.back ?? 0));
	return { line, message: msg.yamlError(known?.hint ?? e.reason) };
}

function countLines(s: string): number {
	let n = 0;
	for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
	return n;
}

/** Split `---` front matter off a lesson and validate it. `text` must use `\n` line ends. */
export function parseFrontMatter(text: string): FrontMatterResult {
	const problems: { line: number; message: string }[] = [];
	const keyLines = new Map<string, number>();
	if (!/^---[ \t]*(\n|$)/.test(text)) {
		problems.push({ line: 1, message: msg.noFrontMatter() });
		return { data: null, bodyLine: 1, body: text, problems, keyLines };
	}
	// Find the closing line without splitting the (much longer) body into lines.
	const close = /\n---[ \t]*(?:\n|$)/.exec(text.slice(3));
	if (close === null) {
		problems.push({ line: 1, message: msg.unclosedFrontMatter() });
		return { data: null, bodyLine: countLines(text) + 2, body: '', problems, keyLines };
	}
	const yamlText = text.slice(text.indexOf('\n') + 1, 3 + close.index);
	const yamlLines = yamlText === '' ? [] : yamlText.split('\n');
	const bodyLine = yamlLines.length + 3;
	const body = text.slice(3 + close.index + close[0].length);
	let parsed: unknown;
	try {
		parsed = load(yamlText, { schema: JSON_SCHEMA });
	} catch (e) {
		if (!(e instanceof YAMLException)) throw e;
		problems.push(yamlProblem(e));
		return { data: null, bodyLine, body, problems, keyLines };
	}
	if (
		parsed !== null &&
		parsed !== undefined &&
		(typeof parsed !== 'object' || Array.isArray(parsed))
	) {
		problems.push({ line: 2, message: msg.frontMatterNotMap() });
		return { data: null, bodyLine, body, problems, keyLines };
	}
	// Where each top-level key is written, for messages about its value.
	yamlLines.forEach((l, i) => {
		const key = /^([^\s#'"][^:#]*?)\s*:(?:\s|$)/.exec(l)?.[1];
		if (key !== undefined && !keyLines.has(key)) keyLines.set(key, i + 2);
	});
	const raw = new Map<string, { value: unknown; line: number }>();
	for (const [key, value] of Object.entries((parsed ?? {}) as Record<string, unknown>)) {
		const line = keyLines.get(key) ?? 2;
		if (!KNOWN.has(key)) {
			problems.push({ line, message: msg.unknownField(key) });
			continue;
		}
		raw.set(key, { value, line });
	}
	for (const field of REQUIRED) {
		const v = raw.get(field)?.value;
		if (v === undefined || v === null || String(v).trim() === '') {
			// An absent field is reported at the first line of the front matter.
			problems.push({ line: keyLines.get(field) ?? 2, message: msg.missingField(field) });
		}
	}

	const text_ = (field: string): string => {
		const entry = raw.get(field);
		if (entry === undefined || entry.value === null || entry.value === undefined) return '';
		if (typeof entry.value === 'object') {
			problems.push({ line: entry.line, message: msg.notText(field) });
			return '';
		}
		return String(entry.value).trim();
	};
	const int = (field: string, min: number, max: number): number | null => {
		const entry = raw.get(field);
		if (entry === undefined || entry.value === null) return null;
		const n = entry.value;
		if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
			problems.push({ line: entry.line, message: msg.badNumber(field, min, max) });
			return null;
		}
		return n;
	};
	const media = (field: 'audio' | 'video'): string | null => {
		const v = text_(field);
		if (v === '') return null;
		// Media plays only from the platform's own storage: a path on this origin, nothing else.
		// eslint-disable-next-line no-control-regex
		const plain = v.startsWith('/') && !/[\u0000-\u0020\u007f-\u009f\\]/.test(v);
		if (!plain || safeUrl(v, 'image') === null) {
			problems.push({ line: raw.get(field)?.line ?? 1, message: msg.badMedia(field) });
			return null;
		}
		return v;
	};

	const id = text_('id');
	if (id !== '' && !ID_PATTERN.test(id)) {
		problems.push({ line: raw.get('id')?.line ?? 1, message: msg.badId(id) });
	}
	const title = text_('title');
	const summary = text_('summary');
	for (const [field, value] of [
		['title', title],
		['summary', summary]
	] as const) {
		const len = [...value].length;
		if (len > LIMITS[field]) {
			problems.push({
				line: raw.get(field)?.line ?? 1,
				message: msg.tooLong(field, LIMITS[field], len)
			});
		}
	}
	let track: Track = 'elective';
	const trackText = text_('track');
	if (trackText !== '') {
		const t = TRACKS[trackText];
		if (t === undefined)
			problems.push({ line: raw.get('track')?.line ?? 1, message: msg.badTrack(trackText) });
		else track = t;
	}
	let tags: string[] = [];
	const tagsEntry = raw.get('tags');
	if (tagsEntry !== undefined && tagsEntry.value !== null) {
		const v = tagsEntry.value;
		if (Array.isArray(v) && v.every((t) => typeof t === 'string' || typeof t === 'number')) {
			tags = v.map((t) => String(t).trim()).filter((t) => t !== '');
		} else if (typeof v === 'string') {
			tags = v
				.split(/[,，、]/)
				.map((t) => t.trim())
				.filter((t) => t !== '');
		} else {
			problems.push({ line: tagsEntry.line, message: msg.badTags() });
		}
	}
	const data: FrontMatter = {
		id,
		title,
		summary,
		category: text_('category'),
		track,
		minutes: int('minutes', 1, 60),
		credits: int('credits', 0, 100),
		tags,
		audio: media('audio'),
		video: media('video')
	};
	return { data, bodyLine, body, problems, keyLines };
}

import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Pair } from 'yaml';
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

/** Split `---` front matter off a lesson and validate it. `text` must use `\n` line ends. */
export function parseFrontMatter(text: string): FrontMatterResult {
	const problems: { line: number; message: string }[] = [];
	const keyLines = new Map<string, number>();
	const lines = text.split('\n');
	if (lines[0]?.trim() !== '---') {
		problems.push({ line: 1, message: msg.noFrontMatter() });
		return { data: null, bodyLine: 1, body: text, problems, keyLines };
	}
	const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
	if (end < 0) {
		problems.push({ line: 1, message: msg.unclosedFrontMatter() });
		return { data: null, bodyLine: lines.length + 1, body: '', problems, keyLines };
	}
	const yamlText = lines.slice(1, end).join('\n');
	const bodyLine = end + 2;
	const body = lines.slice(end + 1).join('\n');
	const counter = new LineCounter();
	const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
	// Line 1 of the YAML is line 2 of the file.
	const fileLine = (offset: number) => counter.linePos(offset).line + 1;
	if (doc.errors.length > 0) {
		for (const e of doc.errors) {
			problems.push({
				line: fileLine(e.pos[0]),
				message: msg.yamlError(e.message.split('\n')[0] ?? e.message)
			});
		}
		return { data: null, bodyLine, body, problems, keyLines };
	}
	if (doc.contents !== null && !isMap(doc.contents)) {
		problems.push({ line: 2, message: msg.frontMatterNotMap() });
		return { data: null, bodyLine, body, problems, keyLines };
	}
	const raw = new Map<string, { value: unknown; line: number }>();
	for (const pair of (doc.contents?.items ?? []) as Pair[]) {
		const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
		const line = isScalar(pair.key) && pair.key.range ? fileLine(pair.key.range[0]) : 2;
		keyLines.set(key, line);
		if (!KNOWN.has(key)) {
			problems.push({ line, message: msg.unknownField(key) });
			continue;
		}
		const node = pair.value;
		const value = isSeq(node)
			? node.items.map((it) => (isScalar(it) ? it.value : it))
			: isScalar(node)
				? node.value
				: node;
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

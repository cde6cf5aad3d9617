import { SvelteSet } from 'svelte/reactivity';
import { parseQuestions } from '$lib/content/bank';
import { formatQuestions } from '$lib/content/bank-format';
import type { Question } from '$lib/content';
import { m } from '$lib/i18n/studio';
import { classify, messageOf } from '$lib/sync';
import { account } from './account.svelte';

/** A problem in the draft, at its line of the draft text. */
export interface ImportProblem {
	line: number;
	message: string;
}

/** What saving a bank came to. */
export type SaveResult = { ok: true; count: number } | { ok: false; message: string };

/** What loading a file came to. */
export type LoadResult = { ok: true; questions: number } | { ok: false; message: string };

const DRAFT_KEY = 'gongxue:studio:bank-import';
/** Wait after the last keystroke before parsing (ms); longer for big texts, whose parse is slower. */
const PARSE_DELAY_MS = 300;
const PARSE_DELAY_BIG_MS = 800;
const BIG_TEXT = 100_000;
/** Wait before writing the draft to sessionStorage (ms). */
const PERSIST_DELAY_MS = 500;
/** The server's limits on a bank (pocketbase/pb_migrations: banks.name max 80, text max 2,000,000). */
const NAME_MAX = 80;
const TEXT_MAX = 2_000_000;
const FILE_MAX_BYTES = 30 * 1024 * 1024;

const t = m.studio.import;

function normalise(text: string): string {
	return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Decode a text file: UTF-8 (or UTF-16 by its byte-order mark), else GB18030 as Chinese Windows
 * editors save it. */
function decode(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
	const utf8 = new TextDecoder('utf-8').decode(bytes);
	if (!utf8.includes('\uFFFD')) return utf8;
	try {
		return new TextDecoder('gb18030').decode(bytes);
	} catch {
		return utf8; // a browser without GB18030: show what UTF-8 gave rather than nothing
	}
}

/** The text of a .docx, one paragraph a line (mammoth separates paragraphs by a blank line). */
async function docxText(file: File): Promise<string> {
	const mammoth = (await import('mammoth')).default;
	const result = await mammoth.extractRawText({ arrayBuffer: await file.arrayBuffer() });
	return result.value.replace(/\n\n/g, '\n');
}

interface Draft {
	text: string;
	name: string;
	dropped: string[];
}

/**
 * 题库导入: the secretary's draft (text, name, questions left out), parsed leniently as it is
 * typed, kept in sessionStorage so a reload loses nothing, and saved as a named bank of the
 * good, kept questions only.
 */
class BankImport {
	/** The draft text, as typed, pasted or read from a file. */
	text = $state('');
	/** The bank's name. */
	name = $state('');
	/** Publish as a 练习题库: members of the branch (an admin's: of the organisation) practise
	 * it from tomorrow, on their devices; it can no longer be used for contests. */
	practice = $state(false);
	/** Ids of the questions the secretary left out ("不要这题"). */
	dropped = new SvelteSet<string>();
	/** The last parse of the text: every good question and every problem, by line. */
	questions = $state.raw<Question[]>([]);
	problems = $state.raw<ImportProblem[]>([]);
	/** The text changed since the last parse (a parse is waiting for typing to pause). */
	stale = $state(false);
	/** A file is being read. */
	reading = $state(false);
	saving = $state(false);
	/** The text a file replaced, until the next edit: 撤销 brings it back. */
	replaced = $state<{ file: string; text: string } | null>(null);
	/** The questions to save: the good ones not left out. */
	kept = $derived(this.questions.filter((q) => !this.dropped.has(q.id)));
	/** How many good questions are left out. */
	droppedCount = $derived(this.questions.length - this.kept.length);

	#parsed: string | null = null;
	#parseTimer: ReturnType<typeof setTimeout> | null = null;
	#persistTimer: ReturnType<typeof setTimeout> | null = null;

	constructor() {
		if (typeof window === 'undefined') return;
		this.#restore();
		// A reload right after typing must not lose the last keystrokes still waiting to be kept.
		addEventListener('pagehide', () => this.#persist());
	}

	/** Replace the draft text; it is parsed once typing pauses. */
	setText(text: string): void {
		this.text = text;
		this.replaced = null;
		this.#schedule();
	}

	/** Set the bank's name. */
	setName(name: string): void {
		this.name = name;
		this.#persistSoon();
	}

	/** Leave a question out of the bank (true) or take it back (false). */
	drop(id: string, out: boolean): void {
		if (out) this.dropped.add(id);
		else this.dropped.delete(id);
		this.#persistSoon();
	}

	/** Parse the text now if it changed since the last parse. */
	parseNow(): void {
		if (this.#parseTimer !== null) clearTimeout(this.#parseTimer);
		this.#parseTimer = null;
		if (this.#parsed !== this.text) {
			const text = this.text;
			const result = parseQuestions(text, 1);
			this.questions = result.questions;
			this.problems = [...result.problems].sort((a, b) => a.line - b.line);
			this.#parsed = text;
		}
		this.stale = false;
	}

	/** Read a .txt, .md or .docx file into the draft; the text it replaces can be brought back. */
	async loadFile(file: File): Promise<LoadResult> {
		const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
		if (ext === 'doc') return { ok: false, message: t.errors.oldDoc };
		if (!['txt', 'md', 'markdown', 'docx'].includes(ext)) {
			return { ok: false, message: t.errors.unsupported(file.name) };
		}
		if (file.size > FILE_MAX_BYTES) return { ok: false, message: t.errors.tooBig(file.name) };
		this.reading = true;
		try {
			const raw =
				ext === 'docx' ? await docxText(file) : decode(new Uint8Array(await file.arrayBuffer()));
			const previous = this.text;
			this.setText(normalise(raw));
			if (previous.trim() !== '') this.replaced = { file: file.name, text: previous };
			this.parseNow();
			this.#persist();
			return { ok: true, questions: this.questions.length };
		} catch (e) {
			console.error(e);
			return { ok: false, message: t.errors.unreadable(file.name) };
		} finally {
			this.reading = false;
		}
	}

	/** Bring back the text a file replaced. */
	undoReplace(): void {
		const r = this.replaced;
		if (r === null) return;
		this.setText(r.text);
		this.parseNow();
	}

	/** Check what save() would refuse before asking the server; null when it may go. */
	check(): string | null {
		this.parseNow();
		const name = this.name.trim();
		const member = account.member;
		if (member === null) return t.errors.signedOut;
		if (member.role !== 'secretary' && member.role !== 'admin') return t.leadersOnly;
		if (name === '') return t.errors.noName;
		if (name.length > NAME_MAX) return t.errors.nameTooLong(NAME_MAX);
		if (this.kept.length === 0) return t.errors.nothing;
		return null;
	}

	/** Save the good, kept questions as a named bank of the secretary's branch; the draft is
	 * cleared only once the server has it. */
	async save(): Promise<SaveResult> {
		if (this.saving) return { ok: false, message: t.errors.busy };
		const problem = this.check();
		if (problem !== null) return { ok: false, message: problem };
		const pb = account.client();
		if (pb === null) return { ok: false, message: t.errors.noServer };
		const kept = this.kept;
		const text = formatQuestions(kept);
		if (text.length > TEXT_MAX) return { ok: false, message: t.errors.tooLarge };
		this.saving = true;
		try {
			const record = await pb
				.collection('banks')
				.create({ name: this.name.trim(), text, practice: this.practice }, { requestKey: null });
			this.clear();
			return { ok: true, count: typeof record.count === 'number' ? record.count : kept.length };
		} catch (e) {
			return { ok: false, message: failure(e) };
		} finally {
			this.saving = false;
		}
	}

	/** Empty the draft (after a save). */
	clear(): void {
		this.text = '';
		this.name = '';
		this.dropped.clear();
		this.replaced = null;
		this.parseNow();
		this.#persist();
	}

	#schedule(): void {
		this.stale = true;
		if (this.#parseTimer !== null) clearTimeout(this.#parseTimer);
		const delay = this.text.length > BIG_TEXT ? PARSE_DELAY_BIG_MS : PARSE_DELAY_MS;
		this.#parseTimer = setTimeout(() => this.parseNow(), delay);
		this.#persistSoon();
	}

	#persistSoon(): void {
		if (this.#persistTimer !== null) clearTimeout(this.#persistTimer);
		this.#persistTimer = setTimeout(() => this.#persist(), PERSIST_DELAY_MS);
	}

	#persist(): void {
		if (this.#persistTimer !== null) clearTimeout(this.#persistTimer);
		this.#persistTimer = null;
		if (typeof sessionStorage === 'undefined') return;
		try {
			if (this.text === '' && this.name === '' && this.dropped.size === 0) {
				sessionStorage.removeItem(DRAFT_KEY);
				return;
			}
			const draft: Draft = { text: this.text, name: this.name, dropped: [...this.dropped] };
			sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
		} catch (e) {
			// Over quota or storage disabled: the draft still lives on this page.
			console.warn(e);
		}
	}

	#restore(): void {
		try {
			const raw = sessionStorage.getItem(DRAFT_KEY);
			if (raw === null) return;
			const draft = JSON.parse(raw) as Partial<Draft>;
			this.text = typeof draft.text === 'string' ? draft.text : '';
			this.name = typeof draft.name === 'string' ? draft.name : '';
			for (const id of Array.isArray(draft.dropped) ? draft.dropped : []) {
				if (typeof id === 'string') this.dropped.add(id);
			}
			this.parseNow();
		} catch (e) {
			console.warn(e);
		}
	}
}

/** The secretary's message for a failed save. */
function failure(e: unknown): string {
	switch (classify(e)) {
		case 'offline':
			return t.errors.offline;
		case 'auth':
			return t.errors.auth;
		case 'rate-limited':
			return t.errors.busyServer;
		case 'server':
			return t.errors.server;
		default: {
			// The server's hooks answer in Chinese (a bank with problems, say); PocketBase's own
			// field checks answer in English with the field named in data.
			const message = messageOf(e);
			if (/[\u4e00-\u9fff]/.test(message)) return t.errors.refused(message);
			const data = (e as { response?: { data?: Record<string, unknown> } }).response?.data ?? {};
			if ('name' in data) return t.errors.nameTooLong(NAME_MAX);
			if ('text' in data) return t.errors.tooLarge;
			return t.errors.refused(message);
		}
	}
}

/** The one bank import of the studio. */
export const bankImport = new BankImport();

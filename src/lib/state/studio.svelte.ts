import { ClientResponseError, type RecordModel } from 'pocketbase';
import { apiUrl, messageOf } from '$lib/sync';
import { account } from './account.svelte';
import { mediaPath, mediaProblem, relativeRefs } from './studio-media';

/** A lesson written in the studio, as its author or a leader sees it. */
export interface StudioLesson {
	/** The server record's id. */
	id: string;
	lessonId: string;
	title: string;
	status: 'draft' | 'review' | 'changes' | 'published' | 'rejected';
	kind: 'official' | 'shared';
	scope: 'branch' | 'organisation';
	author: string;
	reviewNote: string;
	text: string;
	media: string[];
	learners: number;
	featured: boolean;
	updated: string;
}

/** A lesson that can be assigned: built-in, or published in the studio. */
export interface Assignable {
	id: string;
	lessonId: string;
	title: string;
}

/** A required lesson assigned to a branch, as a leader manages it. */
export interface BranchAssignment {
	id: string;
	lessonId: string;
	title: string;
	branch: string;
	due: number;
	note: string;
}

/** What a review action does: submit (author), publish / changes / reject / withdraw (leader). */
export type ReviewAction = 'submit' | 'publish' | 'changes' | 'reject' | 'withdraw';

export { MEDIA_MAX_BYTES, MEDIA_TYPES, mediaPath, mediaProblem } from './studio-media';

export type Outcome<T = undefined> = { ok: true; value: T } | { ok: false; message: string };

const FIELDS =
	'id,lesson_id,title,status,kind,scope,author,review_note,text,media,learners,featured,updated';

function toLesson(r: RecordModel): StudioLesson {
	return {
		id: r.id,
		lessonId: String(r.lesson_id ?? ''),
		title: String(r.title ?? ''),
		status: r.status as StudioLesson['status'],
		kind: r.kind === 'shared' ? 'shared' : 'official',
		scope: r.scope === 'organisation' ? 'organisation' : 'branch',
		author: String(r.author ?? ''),
		reviewNote: String(r.review_note ?? ''),
		text: String(r.text ?? ''),
		media: Array.isArray(r.media) ? r.media.map(String) : [],
		learners: Number(r.learners) || 0,
		featured: r.featured === true,
		updated: String(r.updated ?? '')
	};
}

/** A failed request in words for the author; what they wrote stays where it is. */
function words(e: unknown): string {
	if (e instanceof ClientResponseError) {
		if (e.status === 0 || e.isAbort) return '无法连接服务器：请联网后再试，已写的内容不会丢失。';
		if (e.status === 404) return '找不到这节课程，或你没有权限修改它。';
	}
	return messageOf(e);
}

/** The studio's data: the member's own lessons, a leader's review queue and assignments. */
class Studio {
	mine = $state<StudioLesson[]>([]);
	/** For a leader: lessons of their branch (organisation, for an admin) waiting for review. */
	queue = $state<StudioLesson[]>([]);
	/** For a leader: lessons published in their branch or organisation. */
	published = $state<StudioLesson[]>([]);
	loading = $state(false);
	/** The last failure to load, in words; null when the lists are current. */
	error = $state<string | null>(null);

	get leader(): boolean {
		const role = account.member?.role;
		return role === 'secretary' || role === 'admin';
	}

	#pb() {
		const pb = account.client();
		if (pb === null || account.member === null) throw new Error('请先登录。');
		return pb;
	}

	/** Reload the lists from the server. */
	async refresh(): Promise<void> {
		this.loading = true;
		try {
			const pb = this.#pb();
			const me = account.member?.id ?? '';
			const list = (filter: string) =>
				pb
					.collection('lessons')
					.getFullList({ filter, sort: '-updated', fields: FIELDS, batch: 200 });
			this.mine = (await list(pb.filter('author = {:me}', { me }))).map(toLesson);
			if (this.leader) {
				this.queue = (await list('source = "uploaded" && status = "review"')).map(toLesson);
				this.published = (await list('source = "uploaded" && status = "published"')).map(toLesson);
			}
			this.error = null;
		} catch (e) {
			this.error = words(e);
		} finally {
			this.loading = false;
		}
	}

	/** One lesson, whole. */
	async open(id: string): Promise<Outcome<StudioLesson>> {
		try {
			const r = await this.#pb().collection('lessons').getOne(id, { fields: FIELDS });
			return { ok: true, value: toLesson(r) };
		} catch (e) {
			return { ok: false, message: words(e) };
		}
	}

	/** Create (no id) or update a lesson from its text; the server parses it again. */
	async save(id: string | null, text: string): Promise<Outcome<StudioLesson>> {
		try {
			const lessons = this.#pb().collection('lessons');
			const r = id === null ? await lessons.create({ text }) : await lessons.update(id, { text });
			void this.refresh();
			return { ok: true, value: toLesson(r) };
		} catch (e) {
			return { ok: false, message: words(e) };
		}
	}

	/** Move a lesson through review. */
	async act(
		id: string,
		action: ReviewAction,
		opts: { note?: string; scope?: 'branch' | 'organisation' } = {}
	): Promise<Outcome> {
		try {
			await this.#pb().send(`/api/gongxue/lessons/${encodeURIComponent(id)}/review`, {
				method: 'POST',
				body: { action, ...opts }
			});
			await this.refresh();
			return { ok: true, value: undefined };
		} catch (e) {
			return { ok: false, message: words(e) };
		}
	}

	/** Delete a lesson (an author's draft, or a leader's call). */
	async remove(id: string): Promise<Outcome> {
		try {
			await this.#pb().collection('lessons').delete(id);
			await this.refresh();
			return { ok: true, value: undefined };
		} catch (e) {
			return { ok: false, message: words(e) };
		}
	}

	/**
	 * Attach a file to a saved lesson, reporting progress (0–1); resolves with the stored file's
	 * path. XMLHttpRequest, since fetch cannot report upload progress.
	 */
	upload(id: string, file: File, onProgress: (share: number) => void): Promise<Outcome<string>> {
		const problem = mediaProblem(file);
		if (problem !== null) return Promise.resolve({ ok: false, message: problem });
		const pb = this.#pb();
		// The file names before the upload, to find the new one's stored name; not reactive.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const before = new Set<string>();
		return this.open(id).then(
			(current) =>
				new Promise<Outcome<string>>((resolve) => {
					if (current.ok) current.value.media.forEach((n) => before.add(n));
					const form = new FormData();
					form.append('media+', file, file.name);
					const xhr = new XMLHttpRequest();
					xhr.open(
						'PATCH',
						`${apiUrl()}/api/collections/lessons/records/${encodeURIComponent(id)}`
					);
					xhr.setRequestHeader('Authorization', pb.authStore.token);
					xhr.upload.onprogress = (e) => {
						if (e.lengthComputable) onProgress(e.loaded / e.total);
					};
					xhr.onerror = () =>
						resolve({ ok: false, message: '网络中断，文件没有传完，请联网后重试。' });
					xhr.onload = () => {
						let body: Record<string, unknown> = {};
						try {
							body = JSON.parse(xhr.responseText) as Record<string, unknown>;
						} catch {
							body = {};
						}
						if (xhr.status >= 400) {
							const data = (body.data ?? {}) as Record<string, { message?: string }>;
							const detail = data.media?.message ?? String(body.message ?? '');
							resolve({ ok: false, message: `上传失败：${detail || xhr.status}` });
							return;
						}
						onProgress(1);
						const media = Array.isArray(body.media) ? body.media.map(String) : [];
						const added = media.find((n) => !before.has(n)) ?? media[media.length - 1] ?? '';
						resolve({ ok: true, value: mediaPath(id, added) });
					};
					xhr.send(form);
				})
		);
	}

	/**
	 * Lesson files (`.md`) chosen one by one or as a folder become drafts. Media a lesson refers
	 * to by a relative path (`![图](images/a.png)`, `audio: audio/narration.mp3`) and that came
	 * in the same folder is uploaded to it and the reference rewritten. A file with problems is
	 * reported (`path:line: message`) and not uploaded.
	 */
	async importFiles(
		files: File[],
		onProgress: (done: number, of: number) => void = () => {}
	): Promise<{ created: number; problems: string[] }> {
		const { parseLesson } = await import('$lib/content/lesson');
		const pathOf = (f: File) => f.webkitRelativePath || f.name;
		const byPath = new Map(files.map((f) => [pathOf(f), f]));
		const lessons = files.filter((f) => /\.md$/i.test(f.name));
		const problems: string[] = [];
		let created = 0;
		for (const [i, file] of lessons.entries()) {
			onProgress(i, lessons.length);
			const path = pathOf(file);
			const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
			const original = await file.text();
			const refs = relativeRefs(original);
			// Relative references are not valid until rewritten: check the text without them.
			let text = original;
			for (const ref of refs) text = text.split(ref).join('/pending');
			const parsed = parseLesson({ path, text });
			if (parsed.problems.length > 0) {
				problems.push(...parsed.problems.map((p) => `${p.path}:${p.line}: ${p.message}`));
				continue;
			}
			const saved = await this.save(null, text);
			if (!saved.ok) {
				problems.push(`${path}: ${saved.message}`);
				continue;
			}
			created++;
			if (refs.length === 0) continue;
			let final = original;
			for (const ref of refs) {
				const media = byPath.get(dir + ref.replace(/^\.\//, ''));
				if (!media) {
					problems.push(`${path}: 找不到引用的文件 ${ref}`);
					continue;
				}
				const up = await this.upload(saved.value.id, media, () => {});
				if (up.ok) final = final.split(ref).join(up.value);
				else problems.push(`${path}: ${up.message}`);
			}
			const again = await this.save(saved.value.id, final);
			if (!again.ok) problems.push(`${path}: ${again.message}`);
		}
		onProgress(lessons.length, lessons.length);
		await this.refresh();
		return { created, problems };
	}

	/** The unsaved text of an editor (`key`: a record id, or 'new'), kept on the device so that
	 * a reload, a crash or a dead battery loses nothing. */
	keepDraft(key: string, text: string): void {
		try {
			localStorage.setItem(`gongxue:studio-draft:${key}`, text);
		} catch {
			// storage full or blocked: the editor still holds the text
		}
	}

	/** The kept text of an editor, or null. */
	draft(key: string): string | null {
		try {
			return localStorage.getItem(`gongxue:studio-draft:${key}`);
		} catch {
			return null;
		}
	}

	/** Forget a kept text once it is saved. */
	dropDraft(key: string): void {
		try {
			localStorage.removeItem(`gongxue:studio-draft:${key}`);
		} catch {
			// nothing to do
		}
	}

	/** Lessons a leader can assign: built-in ones and those published to the branch. */
	async assignable(): Promise<Assignable[]> {
		const rows = await this.#pb().collection('lessons').getFullList({
			filter: 'source = "builtin" || status = "published"',
			fields: 'id,lesson_id,title',
			sort: 'lesson_id',
			batch: 500
		});
		return rows.map((r) => ({
			id: r.id,
			lessonId: String(r.lesson_id),
			title: String(r.title)
		}));
	}

	/** The assignments a leader manages. */
	async assignments(): Promise<BranchAssignment[]> {
		const rows = await this.#pb()
			.collection('assignments')
			.getFullList({ expand: 'lesson', sort: 'due', batch: 500 });
		return rows.map((r) => {
			const lesson = (r.expand?.lesson ?? {}) as RecordModel;
			return {
				id: r.id,
				lessonId: String(lesson.lesson_id ?? ''),
				title: String(lesson.title ?? ''),
				branch: String(r.branch),
				due: Date.parse(String(r.due).replace(' ', 'T')),
				note: String(r.note ?? '')
			};
		});
	}

	/** Assign a lesson to the leader's branch, due at `due` (ms). */
	async assign(lesson: string, due: number, note: string): Promise<Outcome> {
		try {
			const branch = account.member?.branch ?? '';
			await this.#pb()
				.collection('assignments')
				.create({ branch, lesson, due: new Date(due).toISOString(), note });
			return { ok: true, value: undefined };
		} catch (e) {
			return { ok: false, message: words(e) };
		}
	}

	/** Withdraw an assignment. */
	async unassign(id: string): Promise<Outcome> {
		try {
			await this.#pb().collection('assignments').delete(id);
			return { ok: true, value: undefined };
		} catch (e) {
			return { ok: false, message: words(e) };
		}
	}
}

/** The studio's one instance; routes import it from here (not from the `$lib/state` barrel,
 * so that pages outside the studio do not load it). */
export const studio = new Studio();

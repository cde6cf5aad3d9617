import type { Lesson } from '$lib/content';

/**
 * A lesson's audio, video and images, kept on the device on demand: the member sees how much
 * there is to download, downloads it with a progress bar, and the service worker then serves it
 * with no network. Built-in media (`/media/…`) and media uploaded in the studio
 * (`/api/files/lessons/…`) share one cache, which outlives app updates.
 */

/** The cache the service worker reads media from; the name is shared with it. */
export const MEDIA_CACHE = 'gongxue-media';

/** Paths of the app's own media: what can be kept offline. */
const OWN_MEDIA = /^\/(?:media\/|api\/files\/lessons\/)/;

/** The same-origin media a lesson uses, each once, in the order a member meets them. */
export function mediaOf(lesson: Pick<Lesson, 'audio' | 'video' | 'html'>): string[] {
	const found = [lesson.audio, lesson.video];
	for (const m of lesson.html.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/g)) found.push(m[1] ?? null);
	const paths = found
		.filter((p): p is string => typeof p === 'string' && OWN_MEDIA.test(p))
		.map((p) => p.replace(/&amp;/g, '&').split(/[?#]/)[0] ?? p);
	return paths.filter((p, i) => paths.indexOf(p) === i);
}

/** Sizes in words: 0.4 MB, 12.3 MB, 860 KB. */
export function formatBytes(bytes: number): string {
	if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type Phase = 'checking' | 'absent' | 'downloading' | 'saved' | 'unsupported';

/** One lesson's media on this device. */
export class OfflineMedia {
	phase = $state<Phase>('checking');
	/** Bytes to download (all of it), or null while unknown (offline, or the server did not say). */
	total = $state<number | null>(null);
	/** Bytes downloaded so far in this download. */
	done = $state(0);
	/** Why the last download stopped, in words for the member; null when it did not fail. */
	problem = $state<string | null>(null);
	readonly paths: string[];

	constructor(paths: string[]) {
		this.paths = paths;
	}

	/** Find out what is already kept, and how much the rest weighs. */
	async check(): Promise<void> {
		if (typeof caches === 'undefined') {
			this.phase = 'unsupported';
			return;
		}
		const cache = await caches.open(MEDIA_CACHE);
		const hits = await Promise.all(this.paths.map((p) => cache.match(p)));
		if (hits.every((h) => h !== undefined)) {
			const sizes = await Promise.all(
				hits.map(async (h) => Number(h!.headers.get('content-length')) || (await h!.blob()).size)
			);
			this.total = sizes.reduce((a, b) => a + b, 0);
			this.phase = 'saved';
			return;
		}
		this.phase = 'absent';
		this.total = await sizeOf(this.paths);
	}

	/** Download every file into the media cache, reporting progress; nothing half-kept. */
	async download(): Promise<void> {
		if (this.phase === 'downloading') return;
		this.phase = 'downloading';
		this.problem = null;
		this.done = 0;
		const cache = await caches.open(MEDIA_CACHE);
		try {
			for (const path of this.paths) {
				if (await cache.match(path)) continue;
				const response = await fetch(path, { cache: 'no-store' });
				if (!response.ok) throw new Error(`HTTP ${response.status}`);
				const body = await this.#read(response);
				await cache.put(
					path,
					new Response(body, {
						headers: {
							'content-type': response.headers.get('content-type') ?? body.type,
							'content-length': String(body.size)
						}
					})
				);
			}
			await this.check();
		} catch (e) {
			this.problem = navigator.onLine
				? `下载没有完成（${e instanceof Error ? e.message : String(e)}），请稍后重试。`
				: '网络已断开，下载没有完成。联网后点“重试”，已下载的部分会保留。';
			this.phase = 'absent';
		}
	}

	/** Forget the kept copies (the lesson itself stays). */
	async remove(): Promise<void> {
		const cache = await caches.open(MEDIA_CACHE);
		await Promise.all(this.paths.map((p) => cache.delete(p)));
		await this.check();
	}

	/** The whole body, counting bytes as they arrive. */
	async #read(response: Response): Promise<Blob> {
		const reader = response.body?.getReader();
		if (!reader) {
			const blob = await response.blob();
			this.done += blob.size;
			return blob;
		}
		const chunks: Uint8Array<ArrayBuffer>[] = [];
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
			this.done += value.byteLength;
		}
		return new Blob(chunks, { type: response.headers.get('content-type') ?? '' });
	}
}

/** The files' total size from the server's headers; null if any is unknown or unreachable. */
async function sizeOf(paths: string[]): Promise<number | null> {
	try {
		const sizes = await Promise.all(
			paths.map(async (p) => {
				const r = await fetch(p, { method: 'HEAD', cache: 'no-store' });
				const n = Number(r.headers.get('content-length'));
				return r.ok && Number.isFinite(n) && n > 0 ? n : null;
			})
		);
		return sizes.some((s) => s === null) ? null : sizes.reduce<number>((a, b) => a + (b ?? 0), 0);
	} catch {
		return null;
	}
}

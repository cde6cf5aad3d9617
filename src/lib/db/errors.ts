/** What went wrong with on-device storage, in terms the member can act on. */
export type StorageProblem = 'unavailable' | 'full' | 'blocked' | 'failed';

function names(e: unknown): string[] {
	const out: string[] = [];
	for (let x: unknown = e, depth = 0; x && depth < 4; depth++) {
		const o = x as { name?: unknown; inner?: unknown; cause?: unknown };
		if (typeof o.name === 'string') out.push(o.name);
		x = o.inner ?? o.cause;
	}
	return out;
}

/** Classify an IndexedDB or Dexie error (Dexie wraps the browser's error in `inner`). */
export function storageProblem(e: unknown): StorageProblem {
	const n = names(e);
	if (n.includes('QuotaExceededError')) return 'full';
	if (
		n.some((x) => x === 'MissingAPIError' || x === 'InvalidStateError' || x === 'SecurityError')
	) {
		return 'unavailable';
	}
	if (n.includes('OpenFailedError') || n.includes('DatabaseClosedError')) return 'unavailable';
	if (n.includes('VersionError') || n.includes('BlockedError')) return 'blocked';
	return 'failed';
}

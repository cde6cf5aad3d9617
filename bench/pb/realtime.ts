// What the realtime benches share: many members' clients in one process, each message's arrival,
// the CPU each side took, and a series of broadcasts timed to their last client.
import { Arrivals, machineCpuSeconds, ownCpuSeconds, pct, type BenchServer } from './harness.ts';

export const summary = (xs: number[]) => ({
	p50: pct(xs, 50),
	p95: pct(xs, 95),
	max: Math.max(...xs)
});

export /** A member's realtime messages by key (`open:q`, `board:q`), each with its arrival time. */
class Inbox {
	private got = new Map<string, number>();
	private waiting = new Map<string, () => void>();
	put(key: string, at: number) {
		if (!this.got.has(key)) this.got.set(key, at);
		this.waiting.get(key)?.();
	}
	at(key: string) {
		return this.got.get(key);
	}
	/** Whether `key` has come by `deadline` (Date.now()'s clock). */
	async until(key: string, deadline: number): Promise<boolean> {
		if (this.got.has(key)) return true;
		let timer: NodeJS.Timeout | undefined;
		const came = await Promise.race([
			new Promise<boolean>((r) => this.waiting.set(key, () => r(true))),
			new Promise<boolean>(
				(r) => (timer = setTimeout(() => r(false), Math.max(0, deadline - Date.now())))
			)
		]);
		clearTimeout(timer);
		this.waiting.delete(key);
		return came;
	}
}

export type Outcome = 'accepted' | 'refused' | 'failed';

export /** A refusal is the server's answer (4xx); anything else (5xx, network) a failure. */
function outcomeOf(e: unknown): { outcome: Outcome; status: number } {
	const status = (e as { status?: number }).status ?? 0;
	return { outcome: status >= 400 && status < 500 ? 'refused' : 'failed', status };
}

export /** Cores used while `fn` ran: by PocketBase, by this process (the clients), by anything else. */
async function metered<T>(server: BenchServer, fn: () => Promise<T>) {
	const before = { pb: server.cpuSeconds(), own: ownCpuSeconds(), all: machineCpuSeconds() };
	const t = performance.now();
	const result = await fn();
	const seconds = (performance.now() - t) / 1000;
	const pb = server.cpuSeconds() - before.pb;
	const own = ownCpuSeconds() - before.own;
	const all = machineCpuSeconds() - before.all;
	const cores = {
		server: pb / seconds,
		clients: own / seconds,
		others: (all - pb - own) / seconds
	};
	return { result, seconds, cores };
}

/** A plain record's payload shaped and sized like a contest board (top 20, every branch). */
export function boardLike(members: number, branches: number, questions: number) {
	return {
		members: Array.from({ length: 20 }, (_, i) => ({
			user: `m${String(i).padStart(14, '0')}`,
			name: `成员${i}`,
			branch: `b${String(i % branches).padStart(14, '0')}`,
			total: 900 - i,
			ms: 12_345 + i,
			answered: questions,
			place: i + 1
		})),
		branches: Array.from({ length: branches }, (_, i) => ({
			branch: `b${String(i).padStart(14, '0')}`,
			name: `第${i + 1}支部`,
			members: members / branches,
			average: 600 - i,
			place: i + 1
		}))
	};
}

/**
 * `count` writes, one at a time, each once every client had the previous one (or `timeout` ms
 * passed), `gap` ms apart: per write, the time from the request's start to the last client,
 * every client's delay, and the request's own time.
 */
export async function broadcasts(
	server: BenchServer,
	arrivals: Arrivals,
	write: (k: number) => Promise<string>,
	{ count, gap, timeout }: { count: number; gap: number; timeout: number }
) {
	const last: number[] = [];
	const each: number[] = [];
	const request: number[] = [];
	let missed = 0;
	const { cores } = await metered(server, async () => {
		for (let k = 0; k < count; k++) {
			const at = Date.now();
			const key = await write(k);
			request.push(Date.now() - at);
			if (!(await arrivals.all(key, timeout))) missed++;
			const times = arrivals.of(key);
			last.push(Math.max(...times) - at);
			each.push(...times.map((x) => x - at));
			await new Promise((r) => setTimeout(r, gap));
		}
	});
	return {
		updates: count,
		missed,
		all: summary(last),
		each: summary(each),
		request: summary(request),
		cores
	};
}

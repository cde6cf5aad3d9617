import { liveQuery, type Subscription } from 'dexie';
import type PocketBase from 'pocketbase';
import { estimatePending, PRACTICE_TYPES, serverDay, subjectOf } from '$lib/credits';
import { runLength } from '$lib/quiz/daily';
import { fetchIndex } from '$lib/content/pack';
import type { GongxueDb, LedgerRow, OutboxRow } from '$lib/db';
import {
	apiUrl,
	classify,
	createClient,
	messageOf,
	movedTo,
	refreshAccount,
	Syncer,
	type Phase,
	type Totals
} from '$lib/sync';
import { followLedger, lazyFeeds, pointsOn, type LedgerFeeds, type LedgerReads } from './ledger';
import { toMember, type AuthProblem, type Board, type Member } from './member';
import { storage } from './storage.svelte';

export type { AuthProblem, Board, Member } from './member';

const SYNC_EVERY_MS = 60_000;
/** Wait after an event is written before pushing, so a burst goes in one batch (ms). */
const PUSH_DEBOUNCE_MS = 1_500;

/**
 * The member's account and the sync of their points: who is signed in, what waits in the
 * outbox, the server's verdicts and totals. Everything here also works offline from Dexie.
 */
class Account {
	member = $state<Member | null>(null);
	phase = $state<Phase>('signed-out');
	lastSyncAt = $state<number | null>(null);
	/** The outbox and cached totals as Dexie has them; of the ledger only ranges (state/ledger.ts). */
	#outbox = $state<OutboxRow[]>([]);
	#recent = $state.raw<LedgerRow[]>([]);
	#db = $state.raw<GongxueDb | null>(null);
	#user = $derived(this.member?.id ?? null);
	/** The larger reads of the member's ledger, made only while a page shows them. */
	#lazy = $derived(this.#db && this.#user ? lazyFeeds(this.#db, this.#user) : null);
	#now = () => Date.now() + this.clockOffset;
	#totals = $state<Record<string, Totals>>({});
	#mine = (user: string | null) => user === null || user === this.member?.id;

	/** Events waiting to be pushed (this member's and unclaimed ones). */
	pending = $derived(this.#outbox.filter((r) => this.#mine(r.user) && r.refused === null).length);
	/** Events the server refused for good, with its message. */
	refused = $derived(this.#outbox.filter((r) => this.#mine(r.user) && r.refused !== null));
	/** Confirmed points (the server's totals), kept for offline display. */
	totals = $derived<Totals | null>(this.member ? (this.#totals[this.member.id] ?? null) : null);
	/** Points the waiting events should bring, by the same rules (an estimate). */
	waitingPoints = $state(0);
	/** The member's latest confirmed events, newest first, for the ledger on /me. */
	ledger = $state.raw<LedgerRow[]>([]);
	/** The member's confirmed events of this year (server days): 学分 by track. */
	get thisYear(): LedgerRow[] {
		return this.#lazy?.year(Number(serverDay(this.#now()).slice(0, 4))).current ?? [];
	}
	/** The member's ledger by year, read while shown (the growth record); null signed out. */
	get byYear(): Pick<LedgerReads, 'year' | 'years'> | null {
		return this.#lazy;
	}
	/** The member's accepted quiz answers, all years: where their answers are weakest. */
	get quizAnswers(): { lessonId: string; right: boolean }[] {
		return this.#lazy?.quiz.current ?? [];
	}
	/** Server days with any study: confirmed by the server, or waiting on this device. */
	get studyDays(): string[] {
		return [
			...(this.#lazy?.days.current ?? []),
			...this.#outbox
				.filter((r) => this.#mine(r.user) && r.refused === null)
				.map((r) => serverDay(r.at + this.clockOffset))
		];
	}
	ready = $state(false);
	/** Server clock minus device clock (ms), learned from responses: "today" is the server's day. */
	clockOffset = $state(0);
	/** Points earned today (server day) per activity, against each daily cap. */
	today = $derived(pointsOn(this.#recent, serverDay(Date.now() + this.clockOffset)));

	#pb: PocketBase | null = null;
	#syncer: Syncer | null = null;
	#subs: Subscription[] = [];
	#ledgerSubs: Subscription[] = []; // the latest and recent events of #following
	#following: string | null = null;
	#debounce: ReturnType<typeof setTimeout> | null = null;
	#lessonFacts = new Map<string, { minutes: number; credits: number | null }>();

	#starting: Promise<void> | null = null;

	/** Start: restore the sign-in from the device, follow the outbox, sync now and then. */
	start(): Promise<void> {
		this.#starting ??= this.#start();
		return this.#starting;
	}

	async #start(): Promise<void> {
		const db = await storage.db();
		if (db === null) {
			this.ready = true;
			return;
		}
		const pb = await createClient(db, apiUrl());
		this.#pb = pb;
		this.#db = db;
		const offset = await db.meta.get('clock-offset');
		if (typeof offset?.value === 'number') this.clockOffset = offset.value;
		pb.afterSend = (response, data) => {
			const date = Date.parse(response.headers.get('date') ?? '');
			// The Date header has one-second precision: only a real difference is worth keeping.
			if (!Number.isNaN(date) && Math.abs(date - Date.now() - this.clockOffset) > 60_000) {
				this.clockOffset = date - Date.now();
				void db.meta.put({ key: 'clock-offset', value: this.clockOffset });
			}
			return data;
		};
		const syncer = new Syncer(db, pb, (s) => {
			this.phase = s.phase;
			this.lastSyncAt = s.lastSyncAt;
		});
		this.#syncer = syncer;
		this.member = pb.authStore.record ? toMember(pb.authStore.record) : null;
		this.phase = this.member ? 'idle' : 'signed-out';
		pb.authStore.onChange((_token, record) => {
			this.member = record ? toMember(record) : null;
			this.#follow(db);
			void this.#estimate();
		});
		this.#follow(db);
		void fetchIndex(fetch)
			.then((index) => {
				for (const l of index.lessons)
					this.#lessonFacts.set(l.id, { minutes: l.minutes, credits: l.credits });
			})
			.catch(() => undefined);

		const onError = (e: unknown) => storage.report(e);
		let lastPending = 0;
		this.#subs.push(
			liveQuery(() => db.outbox.toArray()).subscribe((rows) => {
				this.#outbox = rows;
				void this.#estimate();
				if (this.pending > lastPending) this.#soon();
				lastPending = this.pending;
			}, onError),
			liveQuery(() => db.cache.where('key').startsWith('totals:').toArray()).subscribe((rows) => {
				this.#totals = Object.fromEntries(
					rows.map((r) => [r.key.slice('totals:'.length), r.value as Totals])
				);
			}, onError)
		);

		addEventListener('online', () => void this.syncNow());
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') void this.syncNow();
		});
		setInterval(() => void this.syncNow(), SYNC_EVERY_MS);
		this.ready = true;
		void this.syncNow();
	}

	/** Follow the signed-in member's ledger (again when someone else signs in). */
	#follow(db: GongxueDb) {
		const user = this.member?.id ?? null;
		if (user === this.#following) return;
		this.#following = user;
		for (const s of this.#ledgerSubs) s.unsubscribe();
		this.ledger = this.#recent = [];
		const feeds: LedgerFeeds = {
			latest: (rows) => {
				this.ledger = rows;
				void this.#estimate();
				// A move accepted since the sign-in (组织关系转接): read the new branch and role.
				const pb = this.#pb;
				if (pb && this.member && movedTo(rows, this.member))
					void refreshAccount(pb).catch(() => {});
			},
			recent: (rows) => (this.#recent = rows)
		};
		this.#ledgerSubs = user ? followLedger(db, user, this.#now, feeds) : [];
	}

	async #estimate() {
		const db = await storage.db();
		if (db === null) return;
		const pending = this.#outbox.filter((r) => this.#mine(r.user));
		// A local lookup, rebuilt on every call: nothing reads it reactively.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const correct = new Map<string, boolean>();
		for (const a of await db.attempts.bulkGet([
			...new Set(pending.map((e) => String(e.payload.attemptId ?? '')))
		])) {
			for (const ans of a?.answers ?? []) correct.set(`${a?.id}:${ans.questionId}`, ans.correct);
		}
		// Practice: the device's own grading of daily answers and challenge runs.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const practice = new Map<string, { correct: boolean | null; runLength: number | null }>();
		const days = [...new Set(pending.map((e) => String(e.payload.day ?? '')))].filter(Boolean);
		const runs = pending
			.filter((e) => e.type === 'challenge.completed')
			.map((e) => `challenge:${String(e.payload.run)}`);
		const rows = [
			...(days.length > 0 ? await db.practice.where('day').anyOf(days).toArray() : []),
			...(await db.practice.bulkGet(runs)).filter((r) => r !== undefined)
		];
		for (const row of rows) {
			if (row.kind === 'challenge') {
				const run = row.id.slice('challenge:'.length);
				practice.set(run, {
					correct: null,
					runLength: runLength(row.answers.map((a) => a.correct))
				});
			} else if (row.round === 0) {
				for (const a of row.answers)
					practice.set(`${row.day}:${a.questionId}`, { correct: a.correct, runLength: null });
			}
		}
		const priced = this.ledger.map((l) => ({
			type: l.type,
			subject:
				PRACTICE_TYPES.includes(l.type) || l.type === 'meeting.checkin'
					? subjectOf(l.type, l.payload)
					: l.type === 'quiz.answered'
						? (l.questionId ?? '')
						: l.lessonId,
			points: l.points,
			serverDay: l.serverDay
		}));
		const estimate = estimatePending(
			pending
				.filter((e) => e.refused === null)
				.map((e) => ({
					id: e.id,
					type: e.type,
					at: e.at,
					payload: e.payload,
					correct: PRACTICE_TYPES.includes(e.type)
						? (practice.get(subjectOf(e.type, e.payload))?.correct ?? null)
						: (correct.get(`${String(e.payload.attemptId)}:${String(e.payload.questionId)}`) ??
							null),
					runLength: practice.get(subjectOf(e.type, e.payload))?.runLength ?? null
				})),
			priced,
			(id) => this.#lessonFacts.get(id) ?? null
		);
		this.waitingPoints = estimate.total;
	}

	#soon() {
		if (this.#debounce) clearTimeout(this.#debounce);
		this.#debounce = setTimeout(() => void this.syncNow(), PUSH_DEBOUNCE_MS);
	}

	/** 立即同步: push and pull now. */
	async syncNow(): Promise<void> {
		await this.#syncer?.syncNow();
	}

	/** Sign in with email and password; returns the problem, or null on success. */
	async signIn(email: string, password: string): Promise<AuthProblem | null> {
		// A form sent before the app has opened the device's store waits for it, not fails.
		await this.start();
		const pb = this.#pb;
		if (pb === null) return 'failed';
		try {
			await pb.collection('users').authWithPassword(email.trim(), password);
			void this.syncNow();
			return null;
		} catch (e) {
			const f = classify(e);
			return f === 'offline'
				? 'offline'
				: f === 'rate-limited'
					? 'rate-limited'
					: f === 'server'
						? 'failed'
						: 'credentials';
		}
	}

	/** Register with the branch join code from the secretary, then sign in. */
	async register(form: {
		joinCode: string;
		name: string;
		email: string;
		password: string;
	}): Promise<AuthProblem | null> {
		await this.start();
		const pb = this.#pb;
		if (pb === null) return 'failed';
		if (form.password.length < 8) return 'password';
		try {
			await pb.collection('users').create({
				join_code: form.joinCode.trim().toUpperCase(),
				name: form.name.trim(),
				email: form.email.trim(),
				password: form.password,
				passwordConfirm: form.password
			});
		} catch (e) {
			const f = classify(e);
			if (f !== 'invalid')
				return f === 'offline' ? 'offline' : f === 'rate-limited' ? 'rate-limited' : 'failed';
			const data = (e as { response?: { data?: Record<string, unknown> } }).response?.data ?? {};
			if ('join_code' in data || /加入码/.test(messageOf(e))) return 'join-code';
			if ('password' in data) return 'password';
			return 'email';
		}
		return this.signIn(form.email, form.password);
	}

	/**
	 * 退出登录. With events still waiting, returns their number and signs out only if `force`:
	 * they stay on the device and go to the server when this member signs in again.
	 */
	signOut(force = false): number {
		if (!force && this.pending > 0) return this.pending;
		this.#syncer?.stop();
		this.#pb?.authStore.clear();
		this.phase = 'signed-out';
		return 0;
	}

	/** The PocketBase client once started (null before, or without storage): for the state
	 * modules of the studio, never for components. */
	client(): PocketBase | null {
		return this.#pb;
	}

	/** Show or hide the member's name on public boards. */
	async setHideName(hide: boolean): Promise<boolean> {
		const pb = this.#pb;
		const me = this.member;
		if (pb === null || me === null) return false;
		try {
			const r = await pb.collection('users').update(me.id, { hide_name: hide });
			pb.authStore.save(pb.authStore.token, r);
			return true;
		} catch {
			return false;
		}
	}

	/** A leaderboard from the server, or the last one kept on the device when offline. */
	async board(
		period: Board['period']
	): Promise<{ board: Board | null; at: number | null; offline: boolean }> {
		const db = await storage.db();
		const pb = this.#pb;
		const key = `board:${period}:${this.member?.id ?? ''}`;
		if (pb !== null && this.member !== null) {
			try {
				const board = await pb.send<Board>('/api/gongxue/leaderboard', { query: { period } });
				await db?.cache.put({ key, value: board, at: Date.now() });
				return { board, at: Date.now(), offline: false };
			} catch {
				// offline or failing: fall back to what the device kept
			}
		}
		const row = await db?.cache.get(key);
		return { board: (row?.value as Board | undefined) ?? null, at: row?.at ?? null, offline: true };
	}
}

/** The app's one account. */
export const account = new Account();

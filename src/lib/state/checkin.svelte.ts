import { liveQuery, type Subscription } from 'dexie';
import { checkIn, checkinOf, type CheckinRow, type LedgerRow } from '$lib/db';
import { meetingOf, type MeetingRecord } from '$lib/sync';
import { account } from './account.svelte';
import { storage } from './storage.svelte';

/** Where a check-in stands: not made, kept on the device, or answered by the server. */
export type CheckinPhase = 'none' | 'waiting' | 'answered';

/**
 * 会议签到 (/checkin?m=<meeting>&t=<code>), opened by scanning the meeting's QR code: the check-in
 * is written to the device with its event in one transaction, so it works with no network; the
 * event goes to the server with the others, which grades it, and its verdict comes back here.
 */
class Checkin {
	meeting = $state('');
	#token = '';
	row = $state<CheckinRow | null>(null);
	/** The server's verdict on the check-in's event, once synced. */
	verdict = $state<LedgerRow | null>(null);
	/** The meeting's title and times, when the network could tell (null otherwise). */
	details = $state<MeetingRecord | null>(null);
	saving = $state(false);
	failed = $state(false);
	ready = $state(false);
	#sub: Subscription | null = null;

	get phase(): CheckinPhase {
		if (this.row === null) return 'none';
		return this.verdict === null ? 'waiting' : 'answered';
	}

	/** Open the page for the scanned meeting and code. */
	async open(meeting: string, token: string): Promise<void> {
		this.meeting = meeting;
		this.#token = token;
		this.row = null;
		this.verdict = null;
		this.details = null;
		this.failed = false;
		await account.start();
		const db = await storage.db();
		if (db !== null && meeting !== '') {
			this.row = await checkinOf(db, meeting);
			this.#follow();
		}
		this.ready = true;
		void this.#lookUp();
	}

	/** 签到: write the check-in and its event; sync right away when there is a network. */
	async check(): Promise<void> {
		const db = await storage.db();
		if (db === null || this.meeting === '' || this.#token === '') {
			this.failed = true;
			return;
		}
		this.saving = true;
		this.failed = false;
		try {
			this.row = (await checkIn(db, this.meeting, this.#token, Date.now())).row;
			this.#follow();
			void account.syncNow();
		} catch (e) {
			storage.report(e);
			this.failed = true;
		} finally {
			this.saving = false;
		}
	}

	/** Follow the check-in's event into the ledger: the server's verdict. */
	#follow() {
		this.#sub?.unsubscribe();
		this.#sub = null;
		const event = this.row?.event;
		if (!event) return;
		void storage.db().then((db) => {
			if (db === null) return;
			this.#sub = liveQuery(() => db.ledger.get(event)).subscribe(
				(row) => (this.verdict = row ?? null),
				(e: unknown) => storage.report(e)
			);
		});
	}

	/** The meeting's title, if the network and the member's rights allow. */
	async #lookUp(): Promise<void> {
		const pb = account.client();
		if (pb === null || account.member === null || this.meeting === '') return;
		try {
			this.details = await meetingOf(pb, this.meeting);
		} catch {
			// offline: the page says the meeting's details come with the network
		}
	}
}

/** The check-in page's one instance; /checkin imports it from here, not from `$lib/state`. */
export const checkin = new Checkin();

import { serverDay } from '$lib/credits';
import {
	queuedService,
	queueService,
	saveServiceForm,
	serviceForm,
	type GongxueDb,
	type ServiceQueueRow
} from '$lib/db';
import { serviceMessages as t } from '$lib/i18n/service';
import {
	apiUrl,
	classify,
	deleteActivity,
	fileToken,
	messageOf,
	newRecordId,
	ownActivities,
	photoUrl,
	sendActivity,
	type ServiceRecord
} from '$lib/sync';
import { account } from './account.svelte';
import { blankServiceForm, readServiceForm, type ServiceForm } from './service-form';
import { storage } from './storage.svelte';

const cacheKey = (member: string) => `service:${member}`;

/**
 * 服务活动 (/me/service): the member's form, their activities on the server (kept on the device
 * for offline viewing) and those waiting on the device. A submission is written to the device
 * first, photo included, then sent with upload progress; offline it waits and goes when the
 * network is back. What was typed is kept on the device until it is sent.
 */
class ServiceDesk {
	form = $state<ServiceForm>(blankServiceForm(''));
	photo = $state<File | null>(null);
	/** What to change before sending, in words. */
	problems = $state<string[]>([]);
	/** The last submission's outcome. */
	notice = $state<{ ok: boolean; text: string } | null>(null);
	sending = $state(false);
	/** Upload progress of the activity being sent, 0–1; null when none. */
	progress = $state<number | null>(null);
	records = $state<ServiceRecord[]>([]);
	queued = $state<ServiceQueueRow[]>([]);
	/** Why the server's list is not current: offline, or a failure. */
	listProblem = $state<'offline' | 'failed' | null>(null);
	loaded = $state(false);
	/** The form came back from the device as the member left it. */
	restored = $state(false);
	/** Lets the member's photos load (they are protected files). */
	token = $state('');
	#member = '';
	/** Set once the form holds what the device kept: only then is the form written back. */
	#draftRead = false;
	#db: GongxueDb | null = null;
	#flushing: Promise<void> | null = null;
	/** The activity the member has just submitted: whichever send takes it, its outcome is told
	 * in the form (a send already under way may pick it up before the one submit starts). */
	#fresh: string | null = null;

	/** Today's server day, by the server's clock as the device learned it. */
	today(): string {
		return serverDay(Date.now() + account.clockOffset);
	}

	/** Open the page: the form as left, the waiting activities, the server's list; then send
	 * what waits. */
	async open(): Promise<void> {
		await account.start();
		const member = account.member;
		this.#db = await storage.db();
		if (member === null) return;
		if (member.id !== this.#member) {
			this.#draftRead = false;
			this.#member = member.id;
			this.form = blankServiceForm(this.today());
			this.photo = null;
			this.records = [];
			const draft = this.#db ? await serviceForm(this.#db, member.id) : null;
			if (draft !== null) {
				this.form = { ...this.form, ...draft };
				this.restored = true;
			}
			this.#draftRead = true;
		}
		await this.#readQueue();
		await this.refresh();
		void this.flush();
	}

	/** Keep what was typed on the device (called as the member types). */
	async keepDraft(): Promise<void> {
		if (this.#db === null || !this.#draftRead) return;
		try {
			// Nothing worth keeping (a fresh form, say, after a submission): no draft.
			const empty = this.form.hours === null && this.form.note.trim() === '';
			await saveServiceForm(this.#db, this.#member, empty ? null : { ...this.form });
		} catch (e) {
			storage.report(e);
		}
	}

	/** The server's list, or the copy kept on the device when it cannot be reached. */
	async refresh(): Promise<void> {
		const pb = account.client();
		const db = this.#db;
		const member = this.#member;
		if (pb === null || member === '') return;
		try {
			const records = await ownActivities(pb, member);
			this.records = records;
			this.listProblem = null;
			if (records.some((r) => r.photo !== '')) this.token = await fileToken(pb);
			// The list as fetched (the state's copy is a proxy, which IndexedDB cannot store).
			await db?.cache
				.put({ key: cacheKey(member), value: records, at: Date.now() })
				.catch((e: unknown) => storage.report(e));
		} catch (e) {
			this.listProblem = classify(e) === 'offline' ? 'offline' : 'failed';
			const kept = await db?.cache.get(cacheKey(member));
			if (kept && this.records.length === 0) this.records = kept.value as ServiceRecord[];
		} finally {
			this.loaded = true;
		}
	}

	async #readQueue() {
		if (this.#db !== null && this.#member !== '')
			this.queued = await queuedService(this.#db, this.#member);
	}

	/** 提交审核: checked on the device, kept on it, then sent (or left waiting offline). */
	async submit(): Promise<void> {
		this.notice = null;
		const read = readServiceForm(this.form, this.photo, this.today());
		if (!read.ok) {
			this.problems = read.problems;
			return;
		}
		this.problems = [];
		const row: ServiceQueueRow = {
			id: newRecordId(),
			member: this.#member,
			...read.activity,
			photo: this.photo,
			photoName: this.photo?.name ?? '',
			at: Date.now(),
			refused: null
		};
		this.#fresh = row.id;
		if (this.#db === null) {
			// No storage on this device: send it directly, or keep the form as it is.
			if ((await this.#sendOne(row)) === 'sent') this.#resetForm();
			return;
		}
		try {
			await queueService(this.#db, row);
			await saveServiceForm(this.#db, this.#member, null);
		} catch (e) {
			storage.report(e);
			return;
		}
		this.#resetForm();
		// A send already under way may not have seen this one: wait for it, then send what is left.
		await this.#flushing;
		await this.flush();
	}

	#resetForm() {
		this.form = blankServiceForm(this.today());
		this.photo = null;
		this.restored = false;
	}

	/** What to say when the activity just submitted cannot be sent now. */
	#waiting() {
		this.notice =
			this.#db === null ? { ok: false, text: t.offlineUnsaved } : { ok: true, text: t.queued };
	}

	/** Send what waits on the device, oldest first (a refused one only when just resubmitted). */
	flush(): Promise<void> {
		this.#flushing ??= (async () => {
			try {
				await this.#readQueue();
				for (const row of this.queued) {
					if (row.refused !== null && row.id !== this.#fresh) continue;
					if ((await this.#sendOne(row)) === 'offline') break;
				}
			} finally {
				this.#flushing = null;
			}
		})();
		return this.#flushing;
	}

	/** Send one activity: sent, refused (kept with the server's words), or offline (stop trying
	 * the rest). */
	async #sendOne(row: ServiceQueueRow): Promise<'sent' | 'refused' | 'offline'> {
		/** Whether this is the one just submitted; its outcome is told once. */
		const fresh = () => {
			if (row.id !== this.#fresh) return false;
			this.#fresh = null;
			return true;
		};
		const pb = account.client();
		if (pb === null || !navigator.onLine) {
			if (fresh()) this.#waiting();
			return 'offline';
		}
		this.sending = true;
		this.progress = 0;
		try {
			const sent = await sendActivity(pb, apiUrl(), row, (p) => (this.progress = p));
			if (!sent.ok && sent.offline) {
				if (fresh()) this.#waiting();
				return 'offline';
			}
			if (sent.ok) {
				await this.#db?.serviceQueue.delete(row.id);
				if (fresh()) this.notice = { ok: true, text: t.submitted };
				await this.refresh();
				return 'sent';
			}
			// Refused: kept with the server's words; one just submitted goes back into the form.
			await this.#db?.serviceQueue.update(row.id, { refused: sent.message });
			if (fresh()) {
				this.notice = { ok: false, text: t.refused(sent.message) };
				await this.edit(row.id);
			}
			return 'refused';
		} finally {
			this.sending = false;
			this.progress = null;
			await this.#readQueue();
		}
	}

	/** Put a waiting (or refused) activity back into the form to change it, photo included. */
	async edit(id: string): Promise<void> {
		const row = await this.#db?.serviceQueue.get(id);
		if (!row || this.#db === null) return;
		this.form = { kind: row.kind, date: row.date, hours: row.hours, note: row.note };
		this.photo = row.photo
			? new File([row.photo], row.photoName || 'photo.jpg', { type: row.photo.type })
			: null;
		await this.#db.serviceQueue.delete(id);
		await this.keepDraft();
		await this.#readQueue();
	}

	/** Give up an activity that waits on the device. */
	async discard(id: string): Promise<void> {
		await this.#db?.serviceQueue.delete(id);
		await this.#readQueue();
	}

	/** Withdraw a pending activity from the server. */
	async withdraw(id: string): Promise<void> {
		const pb = account.client();
		if (pb === null) return;
		try {
			await deleteActivity(pb, id);
			await this.refresh();
		} catch (e) {
			this.notice = { ok: false, text: classify(e) === 'offline' ? t.offline : messageOf(e) };
		}
	}

	/** Where an activity's photo loads from ('' while it cannot). */
	photoSrc(record: ServiceRecord, thumb = true): string {
		const pb = account.client();
		if (pb === null || record.photo === '' || this.token === '') return '';
		return photoUrl(pb, record, this.token, thumb);
	}
}

/** The member's one service desk; /me/service imports it from here, not from `$lib/state`. */
export const serviceDesk = new ServiceDesk();

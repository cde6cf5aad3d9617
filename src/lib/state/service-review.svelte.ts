import { servicePoints } from '$lib/credits';
import { m } from '$lib/i18n/studio';
import {
	attendance,
	branchActivities,
	branchNames,
	classify,
	createMeeting,
	deleteMeeting,
	fileToken,
	listMeetings,
	meetingQrPath,
	messageOf,
	photoUrl,
	reviewActivity,
	type MeetingRecord,
	type ServiceRecord
} from '$lib/sync';
import { account } from './account.svelte';
import { blankMeetingForm, readMeeting, type MeetingForm } from './meeting-form';

const t = m.studio.service;

/**
 * 活动与签到 (/studio/service), for a secretary (their branch) or an admin (their organisation):
 * members' activities to approve or reject with a reason, the branch's meetings and the QR code
 * members scan to check in, with who did. Online only: decisions and codes are the server's.
 */
export class ServiceReview {
	pending = $state<ServiceRecord[]>([]);
	decided = $state<ServiceRecord[]>([]);
	meetings = $state<MeetingRecord[]>([]);
	/** An admin's organisation's branches, by id: where a meeting may be held. */
	branches = $state<{ id: string; name: string }[]>([]);
	loaded = $state(false);
	/** Why the lists are not shown: offline, or a failure in words. */
	problem = $state<string | null>(null);
	/** The activity being decided on, and the last decision's outcome. */
	busy = $state<string | null>(null);
	notice = $state<{ ok: boolean; text: string } | null>(null);
	/** The check-in URL a meeting's QR code shows, by meeting id. */
	qr = $state<Record<string, string>>({});
	/** Who checked in, by meeting id. */
	present = $state<Record<string, string[]>>({});
	form = $state<MeetingForm>(blankMeetingForm('', Date.now()));
	formProblem = $state<string | null>(null);
	creating = $state(false);
	created = $state<string | null>(null);
	#token = $state('');

	async load(): Promise<void> {
		await account.start();
		const pb = account.client();
		const me = account.member;
		if (pb === null || me === null) return;
		if (this.form.branch === '') this.form.branch = me.branch;
		try {
			const [pending, decided, meetings] = await Promise.all([
				branchActivities(pb, 'pending'),
				branchActivities(pb, 'decided', 30),
				listMeetings(pb)
			]);
			this.pending = pending;
			this.decided = decided;
			this.meetings = meetings;
			if (me.role === 'admin' && this.branches.length === 0) {
				this.branches = Object.entries(await branchNames(pb))
					.map(([id, name]) => ({ id, name }))
					.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
			}
			if ([...pending, ...decided].some((a) => a.photo !== '')) this.#token = await fileToken(pb);
			this.problem = null;
			await Promise.all(meetings.slice(0, 10).map((mt) => this.loadAttendance(mt.id)));
		} catch (e) {
			this.problem = this.#why(e, t.failed);
		} finally {
			this.loaded = true;
		}
	}

	#why(e: unknown, fallback: string): string {
		const kind = classify(e);
		if (kind === 'offline') return t.offline;
		return kind === 'invalid' || kind === 'auth' ? messageOf(e) : fallback;
	}

	/** What an activity should earn by the rules (before the member's monthly cap). */
	estimate(a: ServiceRecord): number {
		return servicePoints(a.kind, a.hours);
	}

	photoSrc(a: ServiceRecord, thumb = true): string {
		const pb = account.client();
		if (pb === null || a.photo === '' || this.#token === '') return '';
		return photoUrl(pb, a, this.#token, thumb);
	}

	/** 通过 / 不通过 (a rejection needs its reason); true when the server took it. */
	async decide(a: ServiceRecord, action: 'approve' | 'reject', reason = ''): Promise<boolean> {
		const pb = account.client();
		if (pb === null) return false;
		if (action === 'reject' && reason.trim() === '') {
			this.notice = { ok: false, text: t.reasonNeeded };
			return false;
		}
		this.busy = a.id;
		this.notice = null;
		try {
			const r = await reviewActivity(pb, a.id, action, reason.trim());
			this.notice = {
				ok: true,
				text: action === 'approve' ? t.approved(a.memberName, r.points) : t.rejected(a.memberName)
			};
			this.pending = this.pending.filter((p) => p.id !== a.id);
			const decided = { ...a, status: r.status as ServiceRecord['status'], points: r.points };
			this.decided = [{ ...decided, reason: reason.trim() }, ...this.decided];
			return true;
		} catch (e) {
			this.notice = { ok: false, text: this.#why(e, t.failed) };
			return false;
		} finally {
			this.busy = null;
		}
	}

	/** 创建会议, checked on the device first; what was typed stays on a failure. */
	async create(): Promise<void> {
		const pb = account.client();
		if (pb === null) return;
		this.created = null;
		const read = readMeeting(this.form);
		if (!read.ok) {
			this.formProblem = read.problem;
			return;
		}
		this.formProblem = null;
		this.creating = true;
		try {
			const made = await createMeeting(pb, read.meeting);
			this.meetings = [made, ...this.meetings].sort((a, b) => b.startsAt - a.startsAt);
			this.created = t.created(made.title);
			this.form = blankMeetingForm(this.form.branch, Date.now());
		} catch (e) {
			this.formProblem = this.#why(e, t.failed);
		} finally {
			this.creating = false;
		}
	}

	/** The check-in URL for a meeting's QR code: the app's own address, the server's code. */
	async showQr(id: string): Promise<void> {
		const pb = account.client();
		if (pb === null) return;
		try {
			const path = await meetingQrPath(pb, id);
			this.qr = { ...this.qr, [id]: `${location.origin}${path}` };
		} catch (e) {
			this.notice = { ok: false, text: this.#why(e, t.failed) };
		}
	}

	hideQr(id: string): void {
		const rest = { ...this.qr };
		delete rest[id];
		this.qr = rest;
	}

	async loadAttendance(id: string): Promise<void> {
		const pb = account.client();
		if (pb === null) return;
		try {
			this.present = { ...this.present, [id]: await attendance(pb, id) };
		} catch {
			// the list stays as it was; 刷新名单 tries again
		}
	}

	async remove(id: string): Promise<void> {
		const pb = account.client();
		if (pb === null) return;
		try {
			await deleteMeeting(pb, id);
			this.meetings = this.meetings.filter((mt) => mt.id !== id);
		} catch (e) {
			this.notice = { ok: false, text: this.#why(e, t.failed) };
		}
	}
}

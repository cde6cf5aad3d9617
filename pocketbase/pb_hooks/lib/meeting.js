/// <reference path="../../pb_data/types.d.ts" />
// Branch meetings and their check-in: a leader sets a meeting up, the server gives it a secret
// that only the meeting's leaders read (through the qr route) and show as a QR code; a member's
// device scans it and sends a `meeting.checkin` event, graded here against the meeting.
// Runs inside PocketBase's JS engine (CommonJS, ES2015).

const { refuse, byId, organisationOf } = require(`${__hooks}/lib/records.js`);

/** The longest meeting, in hours: a day's 主题党日 at most. */
const MAX_HOURS = 12;
/** Fields only the server writes: kept as they were on every update. */
const SERVER_FIELDS = ['branch', 'organisation', 'created_by', 'secret'];

/** A fresh, unguessable check-in secret (lowercase letters and digits: short in a QR code). */
function freshSecret() {
	return $security.randomStringWithAlphabet(24, 'abcdefghijklmnopqrstuvwxyz0123456789');
}

/** Whether `auth` leads the meeting's branch (its secretary, or its organisation's admin). */
function leads(app, auth, meeting) {
	const own = auth.getString('branch');
	if (own === '') return false;
	const role = auth.getString('role');
	if (role === 'secretary') return meeting.getString('branch') === own;
	if (role === 'admin') return meeting.getString('organisation') === organisationOf(app, own);
	return false;
}

/** Create or update a meeting: the server sets its organisation, author and secret; the times
 * must make a meeting. */
function saveMeeting(e, creating) {
	const record = e.record;
	if (creating) {
		record.set('organisation', organisationOf(e.app, record.getString('branch')));
		record.set('created_by', e.auth.id);
		record.set('secret', freshSecret());
	} else {
		SERVER_FIELDS.forEach((f) => record.set(f, record.original().get(f)));
	}
	record.set('title', record.getString('title').trim());
	if (record.getString('title') === '') {
		return refuse(e, 400, '请填写会议名称。', { title: { code: 'required', message: '必填' } });
	}
	const starts = record.getDateTime('starts_at');
	const ends = record.getDateTime('ends_at');
	if (starts.isZero() || ends.isZero()) return refuse(e, 400, '请填写会议的开始和结束时间。');
	const seconds = ends.unix() - starts.unix();
	if (seconds <= 0) {
		return refuse(e, 400, '结束时间要晚于开始时间。', {
			ends_at: { code: 'before_start', message: '结束时间要晚于开始时间' }
		});
	}
	if (seconds > MAX_HOURS * 3600) {
		return refuse(e, 400, '一次会议最长 ' + MAX_HOURS + ' 小时。', {
			ends_at: { code: 'too_long', message: '会议太长' }
		});
	}
	return e.next();
}

/** GET /api/gongxue/meetings/{id}/qr: {meeting, path} — the app's check-in path with the
 * meeting's secret, for its leaders (and the superuser) only. */
function qr(e) {
	const auth = e.auth;
	if (!auth) return refuse(e, 401, '请先登录。');
	const meeting = byId(e.app, 'meetings', e.request.pathValue('id'));
	const superuser = e.hasSuperuserAuth();
	if (!superuser && (auth.collection().name !== 'users' || auth.getString('branch') === '')) {
		return refuse(e, 403, '只有本支部书记或组织管理员可以显示签到码。');
	}
	if (meeting === null) return refuse(e, 404, '找不到这次会议。');
	if (!superuser && !leads(e.app, auth, meeting)) {
		return refuse(e, 403, '只有本支部书记或组织管理员可以显示签到码。');
	}
	const path =
		'/checkin?m=' +
		encodeURIComponent(meeting.id) +
		'&t=' +
		encodeURIComponent(meeting.getString('secret'));
	return e.json(200, { meeting: meeting.id, path: path });
}

/**
 * What grading a check-in needs to know (the `meeting`, `checkinAt` and `receivedAt` facts of
 * src/lib/credits/engine.ts): the meeting it names, whether it is the member's branch's and the
 * scanned code its secret, and the device's and the server's time.
 */
function checkinFacts(app, auth, payload, clientAt) {
	const facts = { lesson: null, correct: null, checkinAt: clientAt, receivedAt: Date.now() };
	const meeting = byId(app, 'meetings', String(payload.meetingId));
	if (meeting === null) {
		facts.meeting = null;
		return facts;
	}
	const secret = meeting.getString('secret');
	const branch = auth.getString('branch');
	facts.meeting = {
		ownBranch: branch !== '' && meeting.getString('branch') === branch,
		tokenMatches: secret !== '' && $security.equal(secret, String(payload.token)),
		startsAt: meeting.getDateTime('starts_at').unix() * 1000,
		endsAt: meeting.getDateTime('ends_at').unix() * 1000
	};
	return facts;
}

module.exports = {
	freshSecret: freshSecret,
	saveMeeting: saveMeeting,
	qr: qr,
	checkinFacts: checkinFacts
};

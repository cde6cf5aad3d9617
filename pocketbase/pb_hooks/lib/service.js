/// <reference path="../../pb_data/types.d.ts" />
// Service activities on the server: a member's submission is checked by the shared rules
// (src/lib/credits/service.ts, bundled in lib/gongxue.js) with the server's own day; a leader of
// the member's branch approves or rejects it, and an approval writes its points, within the
// monthly cap, to the member's ledger exactly once. Runs inside PocketBase's JS engine
// (CommonJS, ES2015).

const { refuse, byId, organisationOf } = require(`${__hooks}/lib/records.js`);
const { writeServerEvent } = require(`${__hooks}/lib/ledger.js`);

/** Fields only the server writes: set on create, kept as they were on every update. */
const SERVER_FIELDS = [
	'member',
	'branch',
	'organisation',
	'status',
	'reason',
	'reviewed_by',
	'reviewed_at',
	'points'
];

/** The kinds in words, for the ledger. */
const KIND_NAMES = { volunteer: '志愿服务', 'theme-day': '主题党日', meeting: '支部会议' };

/** A problem of `serviceProblem` in words, and the field it is about. */
function problemText(g, problem) {
	const rule = g.rules.service;
	const texts = {
		'unknown-kind': ['kind', '请选择活动类型：志愿服务、主题党日或支部会议。'],
		'bad-date': ['date', '请填写活动日期。'],
		'future-date': ['date', '活动日期不能晚于今天。'],
		'too-old': ['date', '只能提交 ' + rule.submitWithinDays + ' 天以内的活动。'],
		'bad-hours': ['hours', '时长请按 ' + rule.hourStep + ' 小时为单位填写，且要大于 0。'],
		'too-many-hours': ['hours', '一次活动最多计 ' + rule.maxHours + ' 小时。'],
		'note-too-long': ['note', '说明最多 ' + g.SERVICE_NOTE_MAX + ' 字。']
	};
	return texts[problem] || ['kind', '活动信息有误。'];
}

/** Create or update an activity: the server decides who, where and the status; the activity
 * must pass the rules on the server's day. */
function saveActivity(e, creating) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const record = e.record;
	if (creating) {
		const branch = e.auth.getString('branch');
		record.set('member', e.auth.id);
		record.set('branch', branch);
		record.set('organisation', organisationOf(e.app, branch));
		record.set('status', 'pending');
		record.set('reason', '');
		record.set('reviewed_by', '');
		record.set('reviewed_at', '');
		record.set('points', 0);
	} else {
		SERVER_FIELDS.forEach((f) => record.set(f, record.original().get(f)));
	}
	record.set('note', record.getString('note').trim());
	const problem = g.serviceProblem(
		{
			kind: record.getString('kind'),
			date: record.getString('date'),
			hours: record.getFloat('hours'),
			note: record.getString('note')
		},
		g.serverDay(Date.now())
	);
	if (problem !== null) {
		const text = problemText(g, problem);
		const data = {};
		data[text[0]] = { code: problem, message: text[1] };
		return refuse(e, 400, text[1], data);
	}
	return e.next();
}

/** Whether `auth` leads the activity's branch (its secretary, or its organisation's admin). */
function leads(app, auth, record) {
	const own = auth.getString('branch');
	if (own === '') return false;
	const role = auth.getString('role');
	if (role === 'secretary') return record.getString('branch') === own;
	if (role === 'admin') return record.getString('organisation') === organisationOf(app, own);
	return false;
}

/** Points the member's approved activities dated in `month` (YYYY-MM) earned. */
function pointsInMonth(app, member, month) {
	const row = new DynamicModel({ n: 0 });
	app
		.db()
		.newQuery(
			"SELECT COALESCE(SUM(points), 0) AS n FROM service_activities WHERE member = {:member} AND status = 'approved' AND substr(date, 1, 7) = {:month}"
		)
		.bind({ member: member, month: month })
		.one(row);
	return row.n;
}

/** Approve: the points by the rules, within the monthly cap; once, to the ledger. */
function approve(app, g, record, auth, note, now) {
	const kind = record.getString('kind');
	const hours = record.getFloat('hours');
	const member = record.getString('member');
	const verdict = g.serviceVerdict(
		{ kind: kind, hours: hours },
		{ pointsThisMonth: pointsInMonth(app, member, g.serviceMonth(record.getString('date'))) }
	);
	record.set('status', 'approved');
	record.set('points', verdict.points);
	record.set('reason', note);
	record.set('reviewed_by', auth.id);
	record.set('reviewed_at', new Date(now).toISOString());
	app.save(record);
	const name = (KIND_NAMES[kind] || kind) + ' · ' + hours + ' 小时 · ' + record.getString('date');
	writeServerEvent(app, g, {
		user: member,
		type: g.SERVICE_APPROVED,
		subject: record.id,
		// `name` for the ledger on /me, `title` for the growth record.
		payload: {
			activityId: record.id,
			kind: kind,
			hours: hours,
			date: record.getString('date'),
			name: name,
			title: name
		},
		status: verdict.status,
		points: verdict.points,
		reason: verdict.reason,
		now: now,
		day: g.serverDay(now)
	});
	return verdict;
}

/**
 * POST /api/gongxue/service/{id}/review {action: 'approve' | 'reject', reason}: a leader of the
 * member's branch decides on a pending activity, never their own. Rejecting needs a reason, which
 * the member reads. Answers {id, status, points, reason}.
 */
function review(e) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const auth = e.auth;
	const body = e.requestInfo().body || {};
	const action = String(body.action || '');
	if (action !== 'approve' && action !== 'reject') return refuse(e, 400, '未知的操作：' + action);
	const reason = String(body.reason || '').trim();
	if (action === 'reject' && reason === '') {
		return refuse(e, 400, '请写明不通过的原因，提交人会看到它。', {
			reason: { code: 'required', message: '请写明原因' }
		});
	}
	if (reason.length > 200) return refuse(e, 400, '原因最多 200 字。');
	const now = Date.now();
	let answer = null;
	e.app.runInTransaction((txApp) => {
		const record = byId(txApp, 'service_activities', e.request.pathValue('id'));
		if (record === null) {
			answer = [404, '找不到这项活动。'];
		} else if (!leads(txApp, auth, record)) {
			answer = [403, '只有提交人所在支部的书记或组织管理员可以审核。'];
		} else if (record.getString('member') === auth.id) {
			answer = [403, '不能审核自己提交的活动，请由其他负责人审核。'];
		} else if (record.getString('status') !== 'pending') {
			answer = [409, '这项活动已经审核过了。'];
		} else if (action === 'approve') {
			const verdict = approve(txApp, g, record, auth, reason, now);
			answer = [200, { id: record.id, status: 'approved', points: verdict.points, reason: reason }];
		} else {
			record.set('status', 'rejected');
			record.set('reason', reason);
			record.set('reviewed_by', auth.id);
			record.set('reviewed_at', new Date(now).toISOString());
			txApp.save(record);
			answer = [200, { id: record.id, status: 'rejected', points: 0, reason: reason }];
		}
	});
	if (answer[0] !== 200) return refuse(e, answer[0], answer[1]);
	return e.json(200, answer[1]);
}

module.exports = { saveActivity: saveActivity, review: review };

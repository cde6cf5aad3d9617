/// <reference path="../../pb_data/types.d.ts" />
// 学分 on the server: targets checked by the shared rules (src/lib/credits/targets.ts, bundled in
// lib/gongxue.js), and a member's year computed from their events as the device computes it.
// Runs inside PocketBase's JS engine (CommonJS, ES2015).

const { refuse, byId, organisationOf } = require(`${__hooks}/lib/records.js`);

/** An organisation's update: targets, when sent, must be within the rule. */
function saveTargets(e) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const raw = e.record.getString('targets');
	if (raw === '' || raw === 'null') return e.next();
	let targets = null;
	try {
		targets = JSON.parse(raw);
	} catch (_) {
		targets = null;
	}
	if (!g.targetsValid(targets)) {
		return refuse(
			e,
			400,
			'学分目标须为 0–' + g.rules.targets.max + ' 的整数（必修、选修各一项）。'
		);
	}
	e.record.set('targets', { required: targets.required, elective: targets.elective });
	return e.next();
}

/** A member's credit events and study days, as the shared code counts them. */
function eventsOf(app, userId) {
	const rows = arrayOf(
		new DynamicModel({ type: '', status: '', points: 0, server_day: '', track: '' })
	);
	app
		.db()
		.newQuery(
			'SELECT e.type AS type, e.status AS status, e.points AS points, e.server_day AS server_day, ' +
				"COALESCE(l.track, '') AS track FROM events e " +
				"LEFT JOIN lessons l ON l.lesson_id = e.lesson AND e.lesson != '' WHERE e.user = {:u}"
		)
		.bind({ u: userId })
		.all(rows);
	return rows.map((r) => ({
		type: r.type,
		status: r.status,
		points: r.points,
		serverDay: r.server_day,
		lessonTrack: r.track === '' ? null : r.track
	}));
}

/** GET /api/gongxue/credits?year=YYYY&until=YYYY-MM-DD: the member's year and streak. */
function year(e) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const today = g.serverDay(Date.now());
	const y = parseInt(e.request.url.query().get('year') || today.slice(0, 4), 10);
	let until = e.request.url.query().get('until') || today;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until > today) until = today;
	if (!(y >= 2000 && y <= 2100)) return refuse(e, 400, '年份有误。');
	const events = eventsOf(e.app, e.auth.id);
	const org = byId(e.app, 'organisations', organisationOf(e.app, e.auth.getString('branch')));
	const targets = g.targetsOf(org === null ? null : JSON.parse(org.getString('targets') || 'null'));
	const days = {};
	events.forEach((ev) => {
		// A study day: any accepted event of the member's own (a device's), not a server credit.
		if (ev.status === 'accepted' && g.rules.activities[ev.type]) days[ev.serverDay] = true;
	});
	return e.json(200, {
		year: y,
		today: today,
		organisation: org === null ? '' : org.getString('name'),
		targets: targets,
		credits: g.creditsInYear(events, y),
		streak: g.streakOf(Object.keys(days), until)
	});
}

/** A member's events as the device's ledger has them (the growth record reads these). */
function ledgerOf(app, userId) {
	return app
		.findRecordsByFilter('events', 'user = {:u}', 'client_at', 0, 0, { u: userId })
		.map((r) => {
			const payload = JSON.parse(r.getString('payload') || '{}') || {};
			return {
				type: r.getString('type'),
				status: r.getString('status'),
				points: r.getInt('points'),
				reason: r.getString('reason') || null,
				serverDay: r.getString('server_day'),
				at: r.getFloat('client_at'),
				lessonId: typeof payload.lessonId === 'string' ? payload.lessonId : '',
				payload: payload
			};
		});
}

/**
 * GET /api/gongxue/records?year=YYYY[&branch=ID]: the growth records of a branch's members for
 * a year, for its secretary (their own branch) or its organisation's admin (any of its branches).
 */
function records(e) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const auth = e.auth;
	const role = auth.getString('role');
	const own = auth.getString('branch');
	const today = g.serverDay(Date.now());
	const query = e.request.url.query();
	const y = parseInt(query.get('year') || today.slice(0, 4), 10);
	if (!(y >= 2000 && y <= 2100)) return refuse(e, 400, '年份有误。');
	const branchId = query.get('branch') || own;
	const org = organisationOf(e.app, own);
	const allowed =
		(role === 'secretary' && branchId === own) ||
		(role === 'admin' && organisationOf(e.app, branchId) === org && org !== '');
	if (!allowed) return refuse(e, 403, '只有本支部书记或组织管理员可以打印支部的成长档案。');
	const branch = byId(e.app, 'branches', branchId);
	const organisation = byId(e.app, 'organisations', org);
	const tracks = {};
	const titles = {};
	e.app.findRecordsByFilter('lessons', "lesson_id != ''", '', 0, 0).forEach((l) => {
		tracks[l.getString('lesson_id')] = l.getString('track') || null;
		titles[l.getString('lesson_id')] = l.getString('title');
	});
	const members = e.app
		.findRecordsByFilter('users', 'branch = {:b}', 'name', 0, 0, { b: branchId })
		.map((u) => ({
			id: u.id,
			name: u.getString('name'),
			record: g.yearRecord(ledgerOf(e.app, u.id), y, (id) => tracks[id] || null, today)
		}));
	return e.json(200, {
		year: y,
		organisation: organisation === null ? '' : organisation.getString('name'),
		branch: branch === null ? '' : branch.getString('name'),
		targets: g.targetsOf(
			organisation === null ? null : JSON.parse(organisation.getString('targets') || 'null')
		),
		titles: titles,
		members: members
	});
}

module.exports = { saveTargets: saveTargets, year: year, records: records };

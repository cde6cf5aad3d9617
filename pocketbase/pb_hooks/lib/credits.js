/// <reference path="../../pb_data/types.d.ts" />
// 学分 on the server: targets checked by the shared rules (src/lib/credits/targets.ts, bundled in
// lib/gongxue.js), and a member's year computed from their events as the device computes it.
// Runs inside PocketBase's JS engine (CommonJS, ES2015).

const { refuse, byId, organisationOf } = require(`${__hooks}/lib/records.js`);

/** Device events that make a day a study day (server-made credits do not). */
const STUDY_TYPES = ['lesson.completed', 'quiz.answered', 'daily.answered', 'challenge.completed'];

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
		if (ev.status === 'accepted' && STUDY_TYPES.indexOf(ev.type) >= 0) days[ev.serverDay] = true;
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

module.exports = { saveTargets: saveTargets, year: year };

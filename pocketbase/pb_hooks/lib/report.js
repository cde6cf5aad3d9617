/// <reference path="../../pb_data/types.d.ts" />
// The branch at a glance, for its secretary or the organisation's admin: each member's required
// lessons, points and last activity; how far the branch is through each lesson; the questions
// it misses most; eight weeks of activity. An admin without a branch sees every branch side by
// side. A handful of aggregate queries per report, whatever the number of members or events.
// Activity (points, answers, weekly figures) counts by the branch each event was made in, so a
// member who moved leaves their past with the old branch and nothing is counted twice; a
// member's progress through lessons is theirs and goes with them.
// Runs inside PocketBase's JS engine (CommonJS, ES2015).

const { refuse, byId } = require(`${__hooks}/lib/records.js`);

const SHARER_EVENT = 'lesson.shared-completed';
/** A real completion of a lesson (`e.subject` is its id): accepted and not too short to count. */
const COMPLETED =
	"e.type = 'lesson.completed' AND e.status = 'accepted' AND e.reason != 'too-short'";
const WEEKS = 8;
const MISSED_SHOWN = 10;

/** The branch's members with their required lessons done, points earned in this branch and
 * latest own event. */
const MEMBERS_SQL =
	'SELECT u.id AS id, u.name AS name, u.role AS role, ' +
	'(SELECT COUNT(*) FROM assignments a WHERE a.branch = u.branch) AS assigned, ' +
	'(SELECT COUNT(*) FROM assignments a JOIN lessons l ON l.id = a.lesson WHERE a.branch = u.branch ' +
	'AND EXISTS (SELECT 1 FROM events e WHERE e.user = u.id AND e.subject = l.lesson_id AND ' +
	COMPLETED +
	')) AS done, ' +
	'COALESCE(p.monthly, 0) AS monthly, COALESCE(p.total, 0) AS total, ' +
	'COALESCE((SELECT e.created FROM events e WHERE e.user = u.id AND e.type != {:sharer} ' +
	"ORDER BY e.created DESC LIMIT 1), '') AS last " +
	'FROM users u LEFT JOIN (SELECT e.user AS user, SUM(e.points) AS total, ' +
	'SUM(CASE WHEN e.server_day >= {:monthStart} THEN e.points ELSE 0 END) AS monthly ' +
	'FROM events e WHERE e.branch = {:branch} GROUP BY e.user) p ON p.user = u.id ' +
	'WHERE u.branch = {:branch} ORDER BY u.name, u.id';
/** Lessons assigned to the branch or completed by one of its members, with how many did. */
const LESSONS_SQL =
	'WITH done AS (SELECT e.subject AS lesson, COUNT(DISTINCT e.user) AS n ' +
	'FROM users u JOIN events e ON e.user = u.id WHERE u.branch = {:branch} AND ' +
	COMPLETED +
	' GROUP BY e.subject), ' +
	'wanted AS (SELECT a.lesson AS id FROM assignments a WHERE a.branch = {:branch} ' +
	'UNION SELECT l.id FROM lessons l JOIN done d ON d.lesson = l.lesson_id) ' +
	'SELECT l.lesson_id AS lesson, l.title AS title, a.id IS NOT NULL AS assigned, ' +
	"COALESCE(a.due, '') AS due, COALESCE(d.n, 0) AS completed " +
	'FROM wanted w JOIN lessons l ON l.id = w.id ' +
	'LEFT JOIN assignments a ON a.lesson = l.id AND a.branch = {:branch} ' +
	'LEFT JOIN done d ON d.lesson = l.lesson_id';
/** One field of question `m.question` in lesson `l`'s hidden key, read in SQL: no key leaves it. */
const QUESTION = (field) =>
	"(SELECT json_extract(q.value, '$." +
	field +
	"') FROM json_each(CASE WHEN json_valid(l.questions) THEN l.questions ELSE '[]' END) q " +
	"WHERE json_extract(q.value, '$.id') = m.question LIMIT 1)";
/** The branch's answers per question, most often wrong first, with the question's stem. */
const MISSED_SQL =
	'SELECT m.lesson AS lesson, m.question AS question, m.answers AS answers, m.wrong AS wrong, ' +
	"COALESCE(l.title, '') AS title, COALESCE(" +
	QUESTION('number') +
	', 0) AS number, ' +
	'COALESCE(' +
	QUESTION('stem') +
	", '') AS stem FROM (" +
	'SELECT e.lesson AS lesson, e.subject AS question, COUNT(*) AS answers, ' +
	"SUM(e.reason = 'wrong-answer') AS wrong FROM events e " +
	"WHERE e.branch = {:branch} AND e.type = 'quiz.answered' AND e.status = 'accepted' " +
	'GROUP BY e.lesson, e.subject HAVING wrong > 0 ' +
	'ORDER BY wrong DESC, CAST(wrong AS REAL) / answers DESC, e.lesson, e.subject LIMIT ' +
	MISSED_SHOWN +
	') m LEFT JOIN lessons l ON l.lesson_id = m.lesson ' +
	'ORDER BY m.wrong DESC, CAST(m.wrong AS REAL) / m.answers DESC, m.lesson, m.question';
/** The branch's events since a server day, by the Monday of their server day. */
const WEEKS_SQL =
	"SELECT COALESCE(date(e.server_day, '+1 day', 'weekday 1', '-7 days'), '') AS monday, " +
	'COALESCE(SUM(e.type != {:sharer}), 0) AS events, ' +
	'COUNT(DISTINCT CASE WHEN e.type != {:sharer} THEN e.user END) AS active, ' +
	'COALESCE(SUM(e.points), 0) AS points ' +
	'FROM events e WHERE e.branch = {:branch} AND e.server_day >= {:since} GROUP BY monday';
/** Every branch of an organisation: headcount, required lessons done, month's points, active. */
const BRANCHES_SQL =
	'SELECT b.id AS id, b.name AS name, ' +
	'(SELECT COUNT(*) FROM users u WHERE u.branch = b.id) AS members, ' +
	'(SELECT COUNT(*) FROM assignments a WHERE a.branch = b.id) AS assigned, ' +
	'(SELECT COUNT(*) FROM assignments a JOIN lessons l ON l.id = a.lesson ' +
	'JOIN users u ON u.branch = a.branch WHERE a.branch = b.id AND EXISTS (SELECT 1 FROM events e ' +
	'WHERE e.user = u.id AND e.subject = l.lesson_id AND ' +
	COMPLETED +
	')) AS done, ' +
	'(SELECT COALESCE(SUM(e.points), 0) FROM events e ' +
	'WHERE e.branch = b.id AND e.server_day >= {:monthStart}) AS monthly, ' +
	'(SELECT COUNT(DISTINCT e.user) FROM events e ' +
	'WHERE e.branch = b.id AND e.server_day >= {:since} AND e.type != {:sharer}) AS active ' +
	'FROM branches b WHERE b.organisation = {:org} ORDER BY b.name, b.id';

/** The columns of each query, as DynamicModel shapes. */
const SHAPES = {
	members: { id: '', name: '', role: '', assigned: 0, done: 0, monthly: 0, total: 0, last: '' },
	lessons: { lesson: '', title: '', assigned: false, due: '', completed: 0 },
	missed: { lesson: '', question: '', answers: 0, wrong: 0, title: '', number: 0, stem: '' },
	weeks: { monday: '', events: 0, active: 0, points: 0 },
	branches: { id: '', name: '', members: 0, assigned: 0, done: 0, monthly: 0, active: 0 }
};

/** Rows of a query, as DynamicModels of `shape`. */
function rows(app, sql, params, shape) {
	const out = arrayOf(new DynamicModel(shape));
	app.db().newQuery(sql).bind(params).all(out);
	return out;
}

/** A stored PocketBase date ('2026-11-20 08:00:00.000Z') in ISO 8601, or null when empty. */
function iso(stored) {
	return stored ? stored.replace(' ', 'T') : null;
}

/** Plain code-point order, the same on every server. */
function compare(a, b) {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The last `WEEKS` weeks, oldest first: their period key and Monday (server day). */
function weeksUpTo(g, now) {
	const day = 864e5;
	const out = [];
	for (let i = WEEKS - 1; i >= 0; i--) {
		const ms = now - i * 7 * day;
		const date = Date.parse(g.serverDay(ms) + 'T00:00:00Z');
		const back = (new Date(date).getUTCDay() + 6) % 7;
		out.push({
			key: g.periodsOf(ms).week,
			monday: new Date(date - back * day).toISOString().slice(0, 10)
		});
	}
	return out;
}

/** The first server day of the month of `now` (YYYY-MM-01). */
function monthStart(g, now) {
	return g.serverDay(now).slice(0, 8) + '01';
}

/** The report on one branch. */
function branchReport(app, g, branch, now) {
	const periods = g.periodsOf(now);
	const params = { branch: branch.id, monthStart: monthStart(g, now), sharer: SHARER_EVENT };
	const members = rows(app, MEMBERS_SQL, params, SHAPES.members).map((m) => ({
		id: m.id,
		name: m.name,
		role: m.role,
		required: { done: m.done, total: m.assigned },
		pointsMonth: m.monthly,
		pointsAll: m.total,
		lastActive: iso(m.last)
	}));
	const of = members.length;
	const ratio = (l) => (of > 0 ? l.completed / of : 0);
	const lessons = rows(app, LESSONS_SQL, params, SHAPES.lessons)
		.map((l) => ({
			lessonId: l.lesson,
			title: l.title,
			assigned: l.assigned,
			due: iso(l.due),
			completed: l.completed,
			of: of
		}))
		.sort(
			(a, b) => ratio(a) - ratio(b) || compare(a.title, b.title) || compare(a.lessonId, b.lessonId)
		);
	const missed = rows(app, MISSED_SQL, params, SHAPES.missed).map((m) => ({
		lessonId: m.lesson,
		lessonTitle: m.title,
		questionId: m.question,
		number: m.number || null,
		stem: m.stem.slice(0, 200),
		answers: m.answers,
		wrong: m.wrong,
		rate: Math.round((m.wrong / m.answers) * 1000) / 1000
	}));
	const weeks = weeksUpTo(g, now);
	const byMonday = {};
	params.since = weeks[0].monday;
	rows(app, WEEKS_SQL, params, SHAPES.weeks).forEach((w) => (byMonday[w.monday] = w));
	return {
		branch: { id: branch.id, name: branch.getString('name') },
		month: periods.month,
		week: periods.week,
		members: members,
		lessons: lessons,
		missed: missed,
		weeks: weeks.map((w) => {
			const found = byMonday[w.monday] || { events: 0, active: 0, points: 0 };
			return {
				week: w.key,
				events: found.events,
				activeMembers: found.active,
				points: found.points
			};
		})
	};
}

/** Every branch of the organisation side by side, for its admin. */
function overview(app, g, org, now) {
	const periods = g.periodsOf(now);
	const weeks = weeksUpTo(g, now);
	const params = {
		org: org.id,
		monthStart: monthStart(g, now),
		sharer: SHARER_EVENT,
		since: weeks[weeks.length - 1].monday
	};
	return {
		organisation: { id: org.id, name: org.getString('name') },
		month: periods.month,
		week: periods.week,
		branches: rows(app, BRANCHES_SQL, params, SHAPES.branches).map((b) => ({
			id: b.id,
			name: b.name,
			members: b.members,
			requiredDone: b.done,
			requiredTotal: b.assigned * b.members,
			pointsMonth: b.monthly,
			activeThisWeek: b.active
		}))
	};
}

/** GET /api/gongxue/report[?branch=id]: a secretary's own branch, or an admin's branches. */
function report(e) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const auth = e.auth;
	if (!auth) return refuse(e, 401, '请先登录。');
	const role = auth.collection().name === 'users' ? auth.getString('role') : '';
	const own = role === '' ? '' : auth.getString('branch');
	if ((role !== 'secretary' && role !== 'admin') || own === '') {
		return refuse(e, 403, '只有支部书记或组织管理员可以查看支部报告。');
	}
	const ownBranch = byId(e.app, 'branches', own);
	const org =
		ownBranch === null ? null : byId(e.app, 'organisations', ownBranch.getString('organisation'));
	if (org === null) return refuse(e, 403, '只有支部书记或组织管理员可以查看支部报告。');
	const wanted = String(e.request.url.query().get('branch') || '').trim();
	const now = Date.now();
	if (wanted === '' && role === 'admin') return e.json(200, overview(e.app, g, org, now));
	const branch = wanted === '' ? ownBranch : byId(e.app, 'branches', wanted);
	if (branch === null) return refuse(e, 404, '找不到这个支部。');
	if (role === 'secretary' && branch.id !== own) {
		return refuse(e, 403, '支部书记只能查看本支部的报告。');
	}
	if (branch.getString('organisation') !== org.id) {
		return refuse(e, 403, '只能查看本组织内支部的报告。');
	}
	return e.json(200, branchReport(e.app, g, branch, now));
}

module.exports = { report: report, MEMBERS_SQL: MEMBERS_SQL, BRANCHES_SQL: BRANCHES_SQL };

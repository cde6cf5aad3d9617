/// <reference path="../../pb_data/types.d.ts" />
// Leaderboards: members of my branch, and branches of my organisation by points per member, so
// a small branch competes fairly with a large one. Read from point_totals (one row per member
// and period), so the cost does not grow with the number of events.

const PERIODS = ['week', 'month', 'all'];
const MEMBERS_SHOWN = 50;

/** My branch's members with their points in a period. */
const MEMBERS_SQL =
	'SELECT u.id AS id, u.name AS name, u.hide_name AS hidden, COALESCE(t.points, 0) AS points ' +
	'FROM users u LEFT JOIN point_totals t ON t.user = u.id AND t.period = {:period} ' +
	'WHERE u.branch = {:branch} ORDER BY points DESC, u.created ASC';
/** My organisation's branches with their headcount and points in a period. Both sums read an
 * index alone (users by branch; point_totals by period, branch, points), which the hooks keep
 * right as members earn points and move branches. */
const BRANCHES_SQL =
	'SELECT b.id AS id, b.name AS name, ' +
	'(SELECT COUNT(*) FROM users u WHERE u.branch = b.id) AS members, ' +
	'(SELECT COALESCE(SUM(t.points), 0) FROM point_totals t ' +
	'WHERE t.period = {:period} AND t.branch = b.id) AS total ' +
	'FROM branches b WHERE b.organisation = {:org}';

function rows(app, sql, params, shape) {
	const out = arrayOf(new DynamicModel(shape));
	app.db().newQuery(sql).bind(params).all(out);
	return out;
}

/** Competition ranking (1, 2, 2, 4) over rows already sorted by `value` descending. */
function rank(list, value) {
	let prev = null;
	let r = 0;
	list.forEach((item, i) => {
		if (item[value] !== prev) r = i + 1;
		prev = item[value];
		item.rank = r;
	});
	return list;
}

function leaderboard(e) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const periodName =
		PERIODS.indexOf(e.request.url.query().get('period')) >= 0
			? e.request.url.query().get('period')
			: 'week';
	const period = g.periodsOf(Date.now())[periodName];
	const me = e.auth;
	const branchId = me.getString('branch');
	let org = '';
	try {
		org = e.app.findRecordById('branches', branchId).getString('organisation');
	} catch (_) {
		org = '';
	}

	const members = rank(
		rows(
			e.app,
			MEMBERS_SQL,
			{ period: period, branch: branchId },
			{ id: '', name: '', hidden: false, points: 0 }
		).map((r) => ({ id: r.id, name: r.name, hidden: r.hidden, points: r.points })),
		'points'
	);
	const mine = members.find((m) => m.id === me.id) || null;
	const shown = members
		.filter((m, i) => i < MEMBERS_SHOWN || m.id === me.id)
		.map((m) => ({
			rank: m.rank,
			name: m.id === me.id ? m.name : m.hidden ? '' : m.name,
			anonymous: m.id !== me.id && m.hidden,
			points: m.points,
			me: m.id === me.id
		}));

	const branches = rank(
		rows(
			e.app,
			BRANCHES_SQL,
			{ period: period, org: org },
			{ id: '', name: '', members: 0, total: 0 }
		)
			.map((b) => ({
				id: b.id,
				name: b.name,
				members: b.members,
				total: b.total,
				average: b.members > 0 ? Math.round((b.total / b.members) * 10) / 10 : 0,
				mine: b.id === branchId
			}))
			.sort((a, b) => b.average - a.average || b.total - a.total),
		'average'
	);

	return {
		period: periodName,
		key: period,
		me: mine === null ? null : { rank: mine.rank, points: mine.points, of: members.length },
		members: shown,
		branches: branches
	};
}

module.exports = { leaderboard: leaderboard, MEMBERS_SQL: MEMBERS_SQL, BRANCHES_SQL: BRANCHES_SQL };

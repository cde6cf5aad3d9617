/// <reference path="../../pb_data/types.d.ts" />
// A contest's results, once every question is counted: the podium, everyone's standing, the
// branches, each question with its key and how many got it right, the member's own answers
// against the key, and for the contest's leaders every member's answers (their export).
// Runs inside PocketBase's JS engine (CommonJS, ES2015).

const { refuse } = require(`${__hooks}/lib/records.js`);
const board = require(`${__hooks}/lib/contest-board.js`);
const contest_ = require(`${__hooks}/lib/contest.js`);

/** Every answer given in the contest, by member id: [{position, answer, correct, score, ms}]. */
function answersByMember(app, contestId) {
	const out = {};
	app
		.findRecordsByFilter('contest_answers', 'contest = {:c}', 'position', 0, 0, { c: contestId })
		.forEach((r) => {
			const user = r.getString('user');
			const answered = r.getFloat('answered_at') > 0;
			(out[user] = out[user] || []).push({
				position: r.getInt('position'),
				answer: answered ? JSON.parse(r.getString('answer') || '[]') : null,
				correct: answered && r.getBool('correct'),
				score: r.getInt('score'),
				ms: answered ? r.getInt('ms') : null
			});
		});
	return out;
}

/** GET /api/gongxue/contests/{id}/results */
function results(e) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const contest = contest_.contestFor(e);
	if (contest === null) return refuse(e, 404, '没有这场竞赛，或它不面向你的支部。');
	const app = e.app;
	board.tally(app, g, contest, Date.now());
	const b = board.boardOf(app, contest.id);
	if (b === null || !b.final) return refuse(e, 409, '竞赛还没有结束，结果稍后公布。');

	const leader = contest_.leads(app, e.auth, contest);
	const ranked = board.standings(app, g, contest.id);
	const answers = answersByMember(app, contest.id);
	// Names as on the public board; the contest's leaders see their members' real names.
	const names = {};
	if (leader && ranked.length > 0) {
		app
			.findRecordsByIds(
				'users',
				ranked.map((r) => r.user)
			)
			.forEach((u) => (names[u.id] = u.getString('name')));
	}
	const members = ranked.map((r) => {
		const mine = answers[r.user] || [];
		const row = {
			user: r.user,
			name: leader ? names[r.user] || r.name : r.name,
			branch: r.branch,
			place: r.place,
			total: r.total,
			ms: r.ms,
			answered: r.answered,
			right: mine.filter((a) => a.correct).length
		};
		if (leader) row.answers = mine;
		return row;
	});
	const questions = contest_.questionsOf(contest).map((q, position) => {
		let answered = 0;
		let right = 0;
		Object.keys(answers).forEach((user) => {
			answers[user].forEach((a) => {
				if (a.position !== position || a.answer === null) return;
				answered++;
				if (a.correct) right++;
			});
		});
		return { position: position, question: q, answers: answered, right: right };
	});
	const places = JSON.parse(contest.getString('place_points') || '[]');
	return e.json(200, {
		id: contest.id,
		name: contest.getString('name'),
		mode: contest.getString('mode'),
		count: contest.getInt('count'),
		seconds: contest.getInt('seconds'),
		startsAt: contest.getDateTime('starts_at').unix() * 1000,
		leader: leader,
		points: { participation: contest.getInt('participation_points'), places: places },
		podium: members.filter((m) => m.place <= 3),
		members: members,
		branches: b.branches,
		questions: questions,
		mine: answers[e.auth.id] || []
	});
}

module.exports = { results: results };

/// <reference path="../pb_data/types.d.ts" />

// Contests (知识竞赛): set up by a leader from their own banks (lib/contest.js draws the
// questions and keeps them, with their keys, on the server); played through the routes below,
// which reveal each question and score each answer by the server's clock.
onRecordCreateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	return require(`${__hooks}/lib/contest.js`).create(e);
}, 'contests');

routerAdd(
	'GET',
	'/api/gongxue/contests/{id}/play',
	(e) => require(`${__hooks}/lib/contest.js`).play(e),
	$apis.requireAuth('users')
);

routerAdd(
	'POST',
	'/api/gongxue/contests/{id}/answer',
	(e) => require(`${__hooks}/lib/contest.js`).answer(e),
	$apis.requireAuth('users')
);

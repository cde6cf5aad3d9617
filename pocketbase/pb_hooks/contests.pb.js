/// <reference path="../pb_data/types.d.ts" />

// Contests (知识竞赛): set up by a leader from their own banks (lib/contest.js draws the
// questions and keeps them, with their keys, on the server); played through the routes below,
// which reveal each question and score each answer by the server's clock; counted, shown on the
// board and settled into the ledger by lib/contest-board.js; results by lib/contest-results.js.
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
	'/api/gongxue/contests/{id}/next',
	(e) => require(`${__hooks}/lib/contest.js`).next(e),
	$apis.requireAuth('users')
);

routerAdd(
	'POST',
	'/api/gongxue/contests/{id}/answer',
	(e) => require(`${__hooks}/lib/contest.js`).answer(e),
	$apis.requireAuth('users')
);

// A live contest's clock: the first device to ask keeps question `position`'s time (sent as it
// opens; counted and the board sent as it closes) over the contest's realtime topic.
routerAdd(
	'POST',
	'/api/gongxue/contests/{id}/clock',
	(e) => require(`${__hooks}/lib/contest-live.js`).clock(e),
	$apis.requireAuth('users')
);

onRealtimeSubscribeRequest((e) => {
	require(`${__hooks}/lib/contest-live.js`).checkTopics(e);
	return e.next();
});

routerAdd(
	'GET',
	'/api/gongxue/contests/{id}/results',
	(e) => require(`${__hooks}/lib/contest-results.js`).results(e),
	$apis.requireAuth('users')
);

// Questions close whether or not anyone asks: each minute, count what closed and settle the
// contests that ended, so that points reach the ledger even if every player left early.
cronAdd('contests-settle', '* * * * *', () => {
	require(`${__hooks}/lib/contest-board.js`).settleDue($app);
});

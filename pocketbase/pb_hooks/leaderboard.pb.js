/// <reference path="../pb_data/types.d.ts" />

// GET /api/gongxue/leaderboard?period=week|month|all
routerAdd(
	'GET',
	'/api/gongxue/leaderboard',
	(e) => {
		const { leaderboard } = require(`${__hooks}/lib/boards.js`);
		return e.json(200, leaderboard(e));
	},
	$apis.requireAuth('users')
);

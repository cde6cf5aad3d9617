/// <reference path="../pb_data/types.d.ts" />

// 学分: an organisation's targets are checked against the rules table; a member reads their
// year (credits per track against the targets, and their study streak) from the server's events.
onRecordUpdateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	return require(`${__hooks}/lib/credits.js`).saveTargets(e);
}, 'organisations');

routerAdd(
	'GET',
	'/api/gongxue/credits',
	(e) => require(`${__hooks}/lib/credits.js`).year(e),
	$apis.requireAuth('users')
);

routerAdd(
	'GET',
	'/api/gongxue/records',
	(e) => require(`${__hooks}/lib/credits.js`).records(e),
	$apis.requireAuth('users')
);

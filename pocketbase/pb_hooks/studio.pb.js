/// <reference path="../pb_data/types.d.ts" />

// Lessons written in the app: parsed on the server, fields derived from the text.
onRecordCreateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	return require(`${__hooks}/lib/studio.js`).saveLesson(e, true);
}, 'lessons');

onRecordUpdateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	return require(`${__hooks}/lib/studio.js`).saveLesson(e, false);
}, 'lessons');

// Review and publication: POST /api/gongxue/lessons/{id}/review {action, note, scope}.
routerAdd(
	'POST',
	'/api/gongxue/lessons/{id}/review',
	(e) => require(`${__hooks}/lib/studio.js`).review(e),
	$apis.requireAuth('users')
);

onRecordCreateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	return require(`${__hooks}/lib/studio.js`).saveBank(e, true);
}, 'banks');

onRecordUpdateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	return require(`${__hooks}/lib/studio.js`).saveBank(e, false);
}, 'banks');

onRecordCreateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	return require(`${__hooks}/lib/studio.js`).saveAssignment(e, true);
}, 'assignments');

onRecordUpdateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	return require(`${__hooks}/lib/studio.js`).saveAssignment(e, false);
}, 'assignments');

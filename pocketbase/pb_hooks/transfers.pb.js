/// <reference path="../pb_data/types.d.ts" />

// Transfers (组织关系转接): a member asks to move by the new branch's join code (the server
// sets every field); the new branch's leaders accept or reject it; the member may withdraw it
// while it is pending (lib/transfer.js).
onRecordCreateRequest((e) => {
	if (e.hasSuperuserAuth()) return e.next();
	return require(`${__hooks}/lib/transfer.js`).request(e);
}, 'transfers');

// POST /api/gongxue/transfers/{id}/decide {action: accept | reject, reason}.
routerAdd(
	'POST',
	'/api/gongxue/transfers/{id}/decide',
	(e) => require(`${__hooks}/lib/transfer.js`).decide(e),
	$apis.requireAuth('users')
);

// POST /api/gongxue/transfers/{id}/cancel: the member's own pending request.
routerAdd(
	'POST',
	'/api/gongxue/transfers/{id}/cancel',
	(e) => require(`${__hooks}/lib/transfer.js`).cancel(e),
	$apis.requireAuth('users')
);

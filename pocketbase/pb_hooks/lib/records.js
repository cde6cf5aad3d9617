/// <reference path="../../pb_data/types.d.ts" />
// Small helpers the hook libraries share. Runs inside PocketBase's JS engine (CommonJS, ES2015).

/** Answer with a Chinese message as it is (PocketBase would append a Latin full stop). */
function refuse(e, status, message, data) {
	return e.json(status, { status: status, message: message, data: data || {} });
}

/** The record, or null (also for an empty id). */
function byId(app, collection, id) {
	if (!id) return null;
	try {
		return app.findRecordById(collection, id);
	} catch (_) {
		return null;
	}
}

/** The organisation of a branch, or '' when there is no such branch. */
function organisationOf(app, branchId) {
	const branch = byId(app, 'branches', branchId);
	return branch === null ? '' : branch.getString('organisation');
}

module.exports = { refuse: refuse, byId: byId, organisationOf: organisationOf };

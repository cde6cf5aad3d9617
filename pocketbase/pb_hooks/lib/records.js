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

/** The organisation of a branch, or '' when there is no such branch; cached, as branches do not
 * change organisation. */
function organisationOf(app, branchId) {
	if (!branchId) return '';
	const key = 'branch-org:' + branchId;
	const cached = $app.store().get(key);
	if (cached) return cached;
	const branch = byId(app, 'branches', branchId);
	const org = branch === null ? '' : branch.getString('organisation');
	if (org !== '') $app.store().set(key, org);
	return org;
}

module.exports = { refuse: refuse, byId: byId, organisationOf: organisationOf };

/// <reference path="../../pb_data/types.d.ts" />
// A branch's join code: made by the server when the branch is created, shown to the branch's
// secretary and the organisation's admin, and reset by them when it has leaked, so the old one
// registers nobody any more. Runs inside PocketBase's JS engine (CommonJS, ES2015).

const { refuse, byId } = require(`${__hooks}/lib/records.js`);

/** Unambiguous letters and digits (no I, O, 0, 1): read aloud or copied by hand without slips. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** A fresh random code that no branch has yet (the codes are unique). */
function freshCode(app) {
	for (let i = 0; i < 5; i++) {
		const code = $security.randomStringWithAlphabet(LENGTH, ALPHABET);
		try {
			app.findFirstRecordByData('branches', 'join_code', code);
		} catch (_) {
			return code;
		}
	}
	throw new Error('no unused join code found');
}

/**
 * The branch of the request's `{id}` if the requester may manage its join code (its secretary,
 * the admin of its organisation, the superuser); otherwise the refusal, already answered.
 * @returns {{ branch: core.Record | null, answered: any }}
 */
function managedBranch(e) {
	const auth = e.auth;
	if (!auth) return { branch: null, answered: refuse(e, 401, '请先登录。') };
	const branch = byId(e.app, 'branches', e.request.pathValue('id'));
	if (e.hasSuperuserAuth()) {
		if (branch === null) return { branch: null, answered: refuse(e, 404, '找不到这个支部。') };
		return { branch: branch, answered: null };
	}
	const role = auth.collection().name === 'users' ? auth.getString('role') : '';
	const own = role === '' ? '' : auth.getString('branch');
	if ((role !== 'secretary' && role !== 'admin') || own === '') {
		return {
			branch: null,
			answered: refuse(e, 403, '只有支部书记或组织管理员可以查看和重置支部加入码。')
		};
	}
	if (branch === null) return { branch: null, answered: refuse(e, 404, '找不到这个支部。') };
	if (role === 'secretary' && branch.id !== own) {
		return { branch: null, answered: refuse(e, 403, '支部书记只能查看和重置本支部的加入码。') };
	}
	const ownBranch = byId(e.app, 'branches', own);
	if (
		ownBranch === null ||
		ownBranch.getString('organisation') !== branch.getString('organisation')
	) {
		return { branch: null, answered: refuse(e, 403, '只能查看和重置本组织内支部的加入码。') };
	}
	return { branch: branch, answered: null };
}

/** GET /api/gongxue/branches/{id}/join-code: {code}. */
function show(e) {
	const found = managedBranch(e);
	if (found.branch === null) return found.answered;
	return e.json(200, { code: found.branch.getString('join_code') });
}

/** POST /api/gongxue/branches/{id}/join-code: a fresh code replaces the old one; {code}. */
function reset(e) {
	const found = managedBranch(e);
	if (found.branch === null) return found.answered;
	const branch = found.branch;
	branch.set('join_code', freshCode(e.app));
	e.app.save(branch);
	return e.json(200, { code: branch.getString('join_code') });
}

module.exports = { freshCode: freshCode, show: show, reset: reset };

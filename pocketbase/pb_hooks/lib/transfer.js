/// <reference path="../../pb_data/types.d.ts" />
// Transfers (组织关系转接) on the server: a member asks to move by the new branch's join code;
// the new branch's secretary or its organisation's admin accepts (the member's branch changes,
// their role becomes member, and the move joins their ledger for the growth record) or rejects
// with a reason; the member may withdraw while it is pending. Runs inside PocketBase's JS
// engine (CommonJS, ES2015).

const { refuse, byId, organisationOf } = require(`${__hooks}/lib/records.js`);
const { writeServerEvent } = require(`${__hooks}/lib/ledger.js`);

/** The ledger's event for an accepted move (TRANSFER_EVENT in src/lib/credits/engine.ts). */
const TRANSFER_EVENT = 'transfer.accepted';
/** Characters of a note or a reason (the collection's own limit). */
const TEXT_MAX = 200;

/** The branch whose join code this is, or null. */
function branchByCode(app, raw) {
	const code = String(raw || '')
		.trim()
		.toUpperCase();
	if (code === '') return null;
	try {
		return app.findFirstRecordByData('branches', 'join_code', code);
	} catch (_) {
		return null;
	}
}

/** The member's pending request, or null. */
function pendingOf(app, userId) {
	try {
		return app.findFirstRecordByFilter('transfers', "user = {:u} && status = 'pending'", {
			u: userId
		});
	} catch (_) {
		return null;
	}
}

/**
 * A member's request (the collection's create): the body's `join_code` names the new branch;
 * the server sets who, from where, to where and the status. One pending request at a time.
 */
function request(e) {
	const auth = e.auth;
	const body = e.requestInfo().body || {};
	const record = e.record;
	const target = branchByCode(e.app, body.join_code);
	if (target === null) {
		return refuse(e, 400, '加入码无效：请向新支部的书记确认加入码。', {
			join_code: { code: 'invalid_join_code', message: '加入码无效' }
		});
	}
	const from = byId(e.app, 'branches', auth.getString('branch'));
	if (from === null) return refuse(e, 400, '你目前不在任何支部，无法申请转接。');
	if (target.id === from.id) {
		return refuse(e, 400, '你已经在这个支部了，无需转接。', {
			join_code: { code: 'same_branch', message: '这是你现在所在支部的加入码' }
		});
	}
	const note = String(body.note || '').trim();
	if (note.length > TEXT_MAX) {
		return refuse(e, 400, '留言最多 ' + TEXT_MAX + ' 字。', {
			note: { code: 'too_long', message: '留言最多 ' + TEXT_MAX + ' 字' }
		});
	}
	if (pendingOf(e.app, auth.id) !== null) {
		return refuse(e, 400, '你已有一份待处理的转接申请：请等新支部处理，或先撤回它。');
	}
	record.set('user', auth.id);
	record.set('member_name', auth.getString('name').slice(0, 80));
	record.set('from_branch', from.id);
	record.set('from_name', from.getString('name'));
	record.set('to_branch', target.id);
	record.set('to_name', target.getString('name'));
	record.set('status', 'pending');
	record.set('note', note);
	record.set('reason', '');
	record.set('decided_by', '');
	record.set('decided_at', '');
	return e.next();
}

/** Whether `auth` leads the branch the member asks to join (its secretary, its org's admin). */
function leadsTarget(app, auth, record) {
	const own = auth.getString('branch');
	if (own === '') return false;
	const role = auth.getString('role');
	const target = record.getString('to_branch');
	if (role === 'secretary') return target === own;
	if (role === 'admin') return organisationOf(app, target) === organisationOf(app, own);
	return false;
}

/** Accept: the member moves, becomes a member there, and the move joins their ledger. */
function accept(app, g, record, auth, reason, now) {
	const user = app.findRecordById('users', record.getString('user'));
	if (user.getString('branch') !== record.getString('from_branch')) return false;
	user.set('branch', record.getString('to_branch'));
	user.set('role', 'member');
	app.save(user);
	record.set('status', 'accepted');
	record.set('reason', reason);
	record.set('decided_by', auth.id);
	record.set('decided_at', new Date(now).toISOString());
	app.save(record);
	const from = record.getString('from_name');
	const to = record.getString('to_name');
	writeServerEvent(app, g, {
		user: user.id,
		type: TRANSFER_EVENT,
		subject: record.id,
		// `name` for the ledger on /me; `from` and `to` for the growth record.
		payload: {
			transferId: record.id,
			fromBranch: record.getString('from_branch'),
			toBranch: record.getString('to_branch'),
			from: from,
			to: to,
			name: from + ' → ' + to
		},
		status: 'accepted',
		points: 0,
		reason: '',
		now: now,
		day: g.serverDay(now)
	});
	return true;
}

/** The request's body: a known action, and a reason within its limit (required to reject). */
function readDecision(e) {
	const body = e.requestInfo().body || {};
	const action = String(body.action || '');
	if (action !== 'accept' && action !== 'reject') return { problem: '未知的操作：' + action };
	const reason = String(body.reason || '').trim();
	if (action === 'reject' && reason === '') {
		return {
			problem: '请写明不同意转入的原因，申请人会看到它。',
			data: { reason: { code: 'required', message: '请写明原因' } }
		};
	}
	if (reason.length > TEXT_MAX) return { problem: '原因最多 ' + TEXT_MAX + ' 字。' };
	return { action: action, reason: reason };
}

/**
 * POST /api/gongxue/transfers/{id}/decide {action: 'accept' | 'reject', reason}: the new
 * branch's secretary or its organisation's admin decides on a pending request, never their own.
 * Answers {id, status, reason}.
 */
function decide(e) {
	const g = require(`${__hooks}/lib/gongxue.js`);
	const auth = e.auth;
	const read = readDecision(e);
	if (read.problem) return refuse(e, 400, read.problem, read.data);
	const now = Date.now();
	let answer = null;
	e.app.runInTransaction((txApp) => {
		const record = byId(txApp, 'transfers', e.request.pathValue('id'));
		if (record === null) {
			answer = [404, '找不到这份转接申请。'];
		} else if (!leadsTarget(txApp, auth, record)) {
			answer = [403, '只有转入支部的书记或其组织管理员可以处理转接申请。'];
		} else if (record.getString('user') === auth.id) {
			answer = [403, '不能处理自己的转接申请，请由其他负责人处理。'];
		} else if (record.getString('status') !== 'pending') {
			answer = [409, '这份转接申请已经处理过了。'];
		} else if (read.action === 'accept') {
			answer = accept(txApp, g, record, auth, read.reason, now)
				? [200, { id: record.id, status: 'accepted', reason: read.reason }]
				: [409, '申请人的组织关系已有变动，请其撤回后重新申请。'];
		} else {
			record.set('status', 'rejected');
			record.set('reason', read.reason);
			record.set('decided_by', auth.id);
			record.set('decided_at', new Date(now).toISOString());
			txApp.save(record);
			answer = [200, { id: record.id, status: 'rejected', reason: read.reason }];
		}
	});
	if (answer[0] !== 200) return refuse(e, answer[0], answer[1]);
	return e.json(200, answer[1]);
}

/** POST /api/gongxue/transfers/{id}/cancel: the member withdraws their pending request. */
function cancel(e) {
	const auth = e.auth;
	let answer = null;
	e.app.runInTransaction((txApp) => {
		const record = byId(txApp, 'transfers', e.request.pathValue('id'));
		if (record === null || record.getString('user') !== auth.id) {
			answer = [404, '找不到这份转接申请。'];
		} else if (record.getString('status') !== 'pending') {
			answer = [409, '这份转接申请已经处理过了，无法撤回。'];
		} else {
			record.set('status', 'cancelled');
			record.set('decided_by', auth.id);
			record.set('decided_at', new Date().toISOString());
			txApp.save(record);
			answer = [200, { id: record.id, status: 'cancelled' }];
		}
	});
	if (answer[0] !== 200) return refuse(e, answer[0], answer[1]);
	return e.json(200, answer[1]);
}

module.exports = { request: request, decide: decide, cancel: cancel };

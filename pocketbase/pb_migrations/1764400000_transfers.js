/// <reference path="../pb_data/types.d.ts" />

// Transfers (组织关系转接): a member asks to move to another branch (of their organisation or
// another) by its join code; the new branch's secretary, or its organisation's admin, accepts
// or rejects (pb_hooks/transfers.pb.js, lib/transfer.js). Every field is the server's: the
// request carries only the join code and a note.
//
// Events get the branch the member was in when the server received them, so a branch's reports
// count what happened in it: the old branch keeps the past, the new one counts from the move,
// and each point is in exactly one branch. Existing events take the member's current branch.
//
// Rule fragments as in 1763800000_gongxue_schema.js (a migration keeps its own copy).
const AUTHED = '@request.auth.id != "" && @request.auth.collectionName = "users"';
const MEMBER = `${AUTHED} && @request.auth.branch != ""`;
const ADMIN_OF = (orgField) =>
	`@request.auth.role = "admin" && @request.auth.branch != "" && ${orgField} = @request.auth.branch.organisation`;
const SECRETARY_OF = (branchField) =>
	`@request.auth.role = "secretary" && @request.auth.branch != "" && ${branchField} = @request.auth.branch`;
/** The member, and the leaders of both branches (the old one's to know who leaves). */
const SEES = `${MEMBER} && (user = @request.auth.id || (${SECRETARY_OF('to_branch')}) || (${ADMIN_OF('to_branch.organisation')}) || (${SECRETARY_OF('from_branch')}) || (${ADMIN_OF('from_branch.organisation')}))`;
/** Requests with guessed join codes are cut off like registrations. */
const RATE_RULE = { label: 'transfers:create', audience: '', duration: 300, maxRequests: 20 };

/** The rate limiter's rules but ours, as plain objects (the settings hold Go values). */
function rulesWithout(settings) {
	const out = [];
	const rules = settings.rateLimits.rules;
	for (let i = 0; i < rules.length; i++) {
		const r = rules[i];
		if (r.label === RATE_RULE.label) continue;
		out.push({
			label: r.label,
			audience: r.audience,
			duration: r.duration,
			maxRequests: r.maxRequests
		});
	}
	return out;
}

migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const branches = app.findCollectionByNameOrId('branches');

		const transfers = new Collection({
			type: 'base',
			name: 'transfers',
			listRule: SEES,
			viewRule: SEES,
			// The hook sets everything from the join code and the requester; one pending at a time.
			createRule: MEMBER,
			// Decisions and withdrawals go through POST /api/gongxue/transfers/{id}/decide and /cancel.
			updateRule: null,
			deleteRule: null,
			fields: [
				{
					name: 'user',
					type: 'relation',
					required: true,
					collectionId: users.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				{ name: 'from_branch', type: 'relation', collectionId: branches.id, maxSelect: 1 },
				{ name: 'to_branch', type: 'relation', collectionId: branches.id, maxSelect: 1 },
				// Names as they were at the request: the new branch's leaders cannot read the member's
				// user record, nor the member a branch of another organisation.
				{ name: 'member_name', type: 'text', max: 80 },
				{ name: 'from_name', type: 'text', max: 80 },
				{ name: 'to_name', type: 'text', max: 80 },
				{
					name: 'status',
					type: 'select',
					values: ['pending', 'accepted', 'rejected', 'cancelled'],
					maxSelect: 1
				},
				{ name: 'note', type: 'text', max: 200 },
				{ name: 'reason', type: 'text', max: 200 },
				{ name: 'decided_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
				{ name: 'decided_at', type: 'date' },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: [
				"CREATE UNIQUE INDEX idx_transfers_one_pending ON transfers (user) WHERE status = 'pending'",
				'CREATE INDEX idx_transfers_user ON transfers (user, created)',
				'CREATE INDEX idx_transfers_to ON transfers (to_branch, status)'
			]
		});
		app.save(transfers);

		const events = app.findCollectionByNameOrId('events');
		events.fields.add(
			new RelationField({ name: 'branch', collectionId: branches.id, maxSelect: 1 })
		);
		events.indexes.push('CREATE INDEX idx_events_branch ON events (branch, server_day)');
		app.save(events);
		app
			.db()
			.newQuery(
				"UPDATE events SET branch = COALESCE((SELECT u.branch FROM users u WHERE u.id = events.user), '')"
			)
			.execute();

		const settings = app.settings();
		// Beside the registrations' rule, before the general ones.
		const rules = rulesWithout(settings);
		const at = rules.findIndex((r) => r.label === 'users:create') + 1;
		rules.splice(at, 0, RATE_RULE);
		settings.rateLimits.rules = rules;
		app.save(settings);
	},
	(app) => {
		const settings = app.settings();
		settings.rateLimits.rules = rulesWithout(settings);
		app.save(settings);
		const events = app.findCollectionByNameOrId('events');
		events.fields.removeByName('branch');
		events.indexes = events.indexes.filter((i) => !i.includes('idx_events_branch'));
		app.save(events);
		// Accepted moves stay where they are: in the members' branches and their ledgers.
		app.delete(app.findCollectionByNameOrId('transfers'));
	}
);

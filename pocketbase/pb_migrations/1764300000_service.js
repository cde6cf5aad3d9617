/// <reference path="../pb_data/types.d.ts" />

// Service activities (志愿服务, 主题党日, attendance at a 支部会议) that a member submits and a
// leader approves or rejects; approved ones earn points by the rules (`service` in
// src/lib/credits/rules.json), written to the ledger by the review route
// (pb_hooks/service.pb.js). And branch meetings, whose members check in by scanning a QR code
// the leader shows: the code carries the meeting's secret, a hidden field that only the
// meeting's leaders read, through a route.
//
// Rule fragments as in 1763800000_gongxue_schema.js (a migration keeps its own copy).
const AUTHED = '@request.auth.id != "" && @request.auth.collectionName = "users"';
const MEMBER = `${AUTHED} && @request.auth.branch != ""`;
const ADMIN_OF = (orgField) =>
	`@request.auth.role = "admin" && @request.auth.branch != "" && ${orgField} = @request.auth.branch.organisation`;
const SECRETARY_OF = (branchField) =>
	`@request.auth.role = "secretary" && @request.auth.branch != "" && ${branchField} = @request.auth.branch`;
/** The secretary of the record's branch or the admin of its organisation. */
const LEADERS = `(${SECRETARY_OF('branch')}) || (${ADMIN_OF('organisation')})`;
/** The member's own activity, while no leader has decided on it. */
const OWN_PENDING = `${MEMBER} && member = @request.auth.id && status = "pending"`;

/** A photo of the activity: checked by PocketBase on the file's content, not its name. */
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** 10 MB: a phone photo (SERVICE_PHOTO_MAX_BYTES in src/lib/credits/service.ts). */
const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

migrate(
	(app) => {
		const users = app.findCollectionByNameOrId('users');
		const branches = app.findCollectionByNameOrId('branches');
		const organisations = app.findCollectionByNameOrId('organisations');

		const activities = new Collection({
			type: 'base',
			name: 'service_activities',
			listRule: `${MEMBER} && (member = @request.auth.id || ${LEADERS})`,
			viewRule: `${MEMBER} && (member = @request.auth.id || ${LEADERS})`,
			// The hook sets the member, branch, organisation and status, and checks the rest.
			createRule: MEMBER,
			updateRule: OWN_PENDING,
			deleteRule: OWN_PENDING,
			fields: [
				{
					name: 'member',
					type: 'relation',
					required: true,
					collectionId: users.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				{ name: 'branch', type: 'relation', collectionId: branches.id, maxSelect: 1 },
				{ name: 'organisation', type: 'relation', collectionId: organisations.id, maxSelect: 1 },
				{
					name: 'kind',
					type: 'select',
					required: true,
					values: ['volunteer', 'theme-day', 'meeting'],
					maxSelect: 1
				},
				// The day it took place (YYYY-MM-DD): its month counts toward the monthly cap.
				{ name: 'date', type: 'text', required: true, max: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
				{ name: 'hours', type: 'number', required: true, min: 0, max: 24 },
				{ name: 'note', type: 'text', max: 500 },
				// Seen only with a file token by whoever may view the record (the member, their leaders).
				{
					name: 'photo',
					type: 'file',
					maxSelect: 1,
					maxSize: PHOTO_MAX_BYTES,
					mimeTypes: PHOTO_TYPES,
					thumbs: ['480x0'],
					protected: true
				},
				// The rest is the server's: the leader's decision, its reason, the points it earned.
				{
					name: 'status',
					type: 'select',
					values: ['pending', 'approved', 'rejected'],
					maxSelect: 1
				},
				{ name: 'reason', type: 'text', max: 200 },
				{ name: 'reviewed_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
				{ name: 'reviewed_at', type: 'date' },
				{ name: 'points', type: 'number', onlyInt: true, min: 0 },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: [
				'CREATE INDEX idx_service_member ON service_activities (member, date)',
				'CREATE INDEX idx_service_branch ON service_activities (branch, status)',
				'CREATE INDEX idx_service_org ON service_activities (organisation, status)'
			]
		});
		app.save(activities);

		const meetings = new Collection({
			type: 'base',
			name: 'meetings',
			listRule: `${MEMBER} && (branch = @request.auth.branch || ${LEADERS})`,
			viewRule: `${MEMBER} && (branch = @request.auth.branch || ${LEADERS})`,
			createRule: `${MEMBER} && ((${SECRETARY_OF('@request.body.branch')}) || (${ADMIN_OF('@request.body.branch.organisation')}))`,
			updateRule: `${MEMBER} && (${LEADERS}) && @request.body.branch:isset = false`,
			deleteRule: `${MEMBER} && (${LEADERS})`,
			fields: [
				{
					name: 'branch',
					type: 'relation',
					required: true,
					collectionId: branches.id,
					maxSelect: 1,
					cascadeDelete: true
				},
				{ name: 'organisation', type: 'relation', collectionId: organisations.id, maxSelect: 1 },
				{ name: 'title', type: 'text', required: true, max: 80 },
				{ name: 'starts_at', type: 'date', required: true },
				{ name: 'ends_at', type: 'date', required: true },
				// What the check-in QR code carries, made by the server: never listed, never
				// filterable; its leaders read it through GET /api/gongxue/meetings/{id}/qr.
				{ name: 'secret', type: 'text', hidden: true, max: 64 },
				{ name: 'created_by', type: 'relation', collectionId: users.id, maxSelect: 1 },
				{ name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
				{ name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }
			],
			indexes: ['CREATE INDEX idx_meetings_branch ON meetings (branch, starts_at)']
		});
		app.save(meetings);
	},
	(app) => {
		// The points they earned stay in the ledger and the totals, like any other history.
		for (const name of ['meetings', 'service_activities'])
			app.delete(app.findCollectionByNameOrId(name));
	}
);

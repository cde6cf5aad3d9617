/// <reference path="../pb_data/types.d.ts" />

// Practice (每日答题, 挑战答题): the server keeps its own copy of the built-in question banks, so
// that it grades practice answers against its own keys. A built-in bank is written by the seed
// (superuser) under its content id; a bank saved in the studio has source "uploaded".
//
// A leader may publish a bank of theirs for practice (练习题库): its questions, keys included,
// then reach the devices of their branch (a secretary's) or organisation (an admin's) and join
// the members' daily pool from the next server day (`practice_from`, set by the server), so that
// the day's set is the same everywhere. Such a bank cannot be used for contests.
const MEMBER =
	'@request.auth.id != "" && @request.auth.collectionName = "users" && @request.auth.branch != ""';
const PRACTISED =
	"(practice_scope = 'branch' && branch = @request.auth.branch) || " +
	"(practice_scope = 'organisation' && organisation = @request.auth.branch.organisation)";

migrate(
	(app) => {
		const banks = app.findCollectionByNameOrId('banks');
		banks.fields.add(new TextField({ name: 'bank_id', max: 64 }));
		banks.fields.add(
			new SelectField({ name: 'source', values: ['builtin', 'uploaded'], maxSelect: 1 })
		);
		banks.fields.add(
			new SelectField({ name: 'practice_scope', values: ['branch', 'organisation'], maxSelect: 1 })
		);
		// The server day (YYYY-MM-DD) from which it is in the daily pool; '' when not for practice.
		banks.fields.add(new TextField({ name: 'practice_from', max: 10 }));
		banks.indexes.push(
			"CREATE UNIQUE INDEX idx_banks_bank_id ON banks (bank_id) WHERE bank_id != ''",
			'CREATE INDEX idx_banks_source ON banks (source)',
			'CREATE INDEX idx_banks_practice ON banks (practice_from, branch, organisation)'
		);
		banks.listRule = `${banks.listRule} || (${MEMBER} && (${PRACTISED}))`;
		banks.viewRule = `${banks.viewRule} || (${MEMBER} && (${PRACTISED}))`;
		app.save(banks);
	},
	(app) => {
		const banks = app.findCollectionByNameOrId('banks');
		banks.indexes = banks.indexes.filter(
			(i) =>
				!i.includes('idx_banks_bank_id') &&
				!i.includes('idx_banks_source') &&
				!i.includes('idx_banks_practice')
		);
		const tail = ` || (${MEMBER} && (${PRACTISED}))`;
		banks.listRule = banks.listRule.replace(tail, '');
		banks.viewRule = banks.viewRule.replace(tail, '');
		banks.fields.removeByName('practice_scope');
		banks.fields.removeByName('practice_from');
		banks.fields.removeByName('bank_id');
		banks.fields.removeByName('source');
		app.save(banks);
	}
);

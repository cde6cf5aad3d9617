/// <reference path="../pb_data/types.d.ts" />

// Practice (每日答题, 挑战答题): the server keeps its own copy of the built-in question banks, so
// that it grades practice answers against its own keys. A built-in bank is written by the seed
// (superuser) under its content id; a bank saved in the studio has source "uploaded".
migrate(
	(app) => {
		const banks = app.findCollectionByNameOrId('banks');
		banks.fields.add(new TextField({ name: 'bank_id', max: 64 }));
		banks.fields.add(
			new SelectField({ name: 'source', values: ['builtin', 'uploaded'], maxSelect: 1 })
		);
		banks.indexes.push(
			"CREATE UNIQUE INDEX idx_banks_bank_id ON banks (bank_id) WHERE bank_id != ''",
			'CREATE INDEX idx_banks_source ON banks (source)'
		);
		app.save(banks);
	},
	(app) => {
		const banks = app.findCollectionByNameOrId('banks');
		banks.indexes = banks.indexes.filter(
			(i) => !i.includes('idx_banks_bank_id') && !i.includes('idx_banks_source')
		);
		banks.fields.removeByName('bank_id');
		banks.fields.removeByName('source');
		app.save(banks);
	}
);

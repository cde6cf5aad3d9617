/// <reference path="../pb_data/types.d.ts" />

// 学分 targets: an organisation sets its yearly targets per track (必修, 选修); without its own,
// the rules table's (src/lib/credits/rules.json `targets`) apply. Checked by pb_hooks/credits.pb.js.
migrate(
	(app) => {
		const organisations = app.findCollectionByNameOrId('organisations');
		organisations.fields.add(new JSONField({ name: 'targets', maxSize: 200 }));
		app.save(organisations);
	},
	(app) => {
		const organisations = app.findCollectionByNameOrId('organisations');
		organisations.fields.removeByName('targets');
		app.save(organisations);
	}
);

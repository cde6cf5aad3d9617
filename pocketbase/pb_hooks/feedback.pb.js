/// <reference path="../pb_data/types.d.ts" />

// Feedback carries its writer's name (`writer`) to those allowed to read it: the writer, the
// lesson's author and its leaders. A writer who hides their name on public boards is named only
// to whoever may see their account anyway (lib/feedback.js).
onRecordEnrich((e) => {
	require(`${__hooks}/lib/feedback.js`).nameWriter(e);
	e.next();
}, 'feedback');

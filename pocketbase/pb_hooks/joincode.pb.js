/// <reference path="../pb_data/types.d.ts" />

// A branch's join code for its secretary or the organisation's admin: GET shows it, POST resets
// it to a fresh one (the old code then registers nobody). No auth middleware: the handler
// answers guests and members itself, in Chinese.
routerAdd('GET', '/api/gongxue/branches/{id}/join-code', (e) =>
	require(`${__hooks}/lib/joincode.js`).show(e)
);

routerAdd('POST', '/api/gongxue/branches/{id}/join-code', (e) =>
	require(`${__hooks}/lib/joincode.js`).reset(e)
);

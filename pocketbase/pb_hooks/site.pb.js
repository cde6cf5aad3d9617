/// <reference path="../pb_data/types.d.ts" />

// The built app, on the same origin as the API (registered before PocketBase's own pb_public
// route, which then stands aside).
routerAdd('GET', '/{path...}', (e) => {
	const { serve } = require(`${__hooks}/lib/site.js`);
	return serve(e);
});

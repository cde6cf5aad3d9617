/// <reference path="../../pb_data/types.d.ts" />
// Serves the built app on the API's origin exactly as the static server does: prerendered pages
// by their extensionless URLs, immutable assets cached for a year, and the SPA shell (200.html)
// for any other page path.

function isFile(path) {
	try {
		return !$os.stat(path).isDir();
	} catch (_) {
		return false;
	}
}

function serve(e) {
	const dir = $os.getenv('GONGXUE_PUBLIC_DIR') || `${__hooks}/../../build`;
	const path = e.request.pathValue('path') || '';
	if (path.indexOf('..') >= 0) throw new NotFoundError();
	const candidates = path === '' ? ['index.html'] : [path, path + '.html', path + '/index.html'];
	let file = candidates.find((c) => isFile(dir + '/' + c));
	if (file === undefined) {
		// A missing asset is a 404; a missing page is the app's to route.
		if (/\.[a-z0-9]+$/i.test(path) && !/\.html$/.test(path)) throw new NotFoundError();
		file = '200.html';
	}
	e.response
		.header()
		.set(
			'Cache-Control',
			file.indexOf('_app/immutable/') === 0 ? 'public, max-age=31536000, immutable' : 'no-cache'
		);
	return e.fileFS($os.dirFS(dir), file);
}

module.exports = { serve: serve };

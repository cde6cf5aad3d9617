// Serves the built app as production does: extensionless URLs map to prerendered pages and
// anything else falls back to the SPA shell (200.html). Used by `npm start` and the e2e tests.
import http from 'node:http';
import sirv from 'sirv';

/**
 * Start a static server for `dir` on `port` (0 picks a free one); resolves to the server.
 * Files are read on every request, so a test can swap in a new build while it runs.
 * @param {string} dir
 * @param {number} port
 * @returns {Promise<http.Server>}
 */
export function serveStatic(dir, port) {
	const handler = sirv(dir, { single: '200.html', dev: true, etag: true });
	const server = http.createServer((req, res) => {
		// The service worker script must always be fetched fresh to notice a new version.
		if (req.url?.startsWith('/service-worker.js')) res.setHeader('Cache-Control', 'no-cache');
		handler(req, res);
	});
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const dir = process.argv[2] ?? 'build';
	const port = Number(process.argv[3] ?? process.env.PORT ?? 4173);
	const server = await serveStatic(dir, port);
	const address = server.address();
	const actual = typeof address === 'object' && address ? address.port : port;
	console.log(`共学已启动：http://127.0.0.1:${actual}/`);
}

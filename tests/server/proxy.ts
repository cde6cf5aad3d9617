import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the network between a device and the server does to the next requests. */
export type Fault =
	| 'none'
	/** The server is unreachable: connections are cut at once. */
	| 'down'
	/** The server answers with this status without seeing the request. */
	| 500
	| 429
	/** The server gets the request and commits, but the response never reaches the device. */
	| 'lose-response';

/**
 * A fault-injecting HTTP proxy in front of the real PocketBase: the network a phone on a train
 * has. It forwards requests unchanged unless told to fail them.
 */
export async function startProxy(target: () => string) {
	let fault: Fault = 'none';
	/** Requests that reached the proxy, and those the server answered (for a test to act mid-way). */
	let received = 0;
	let forwarded = 0;
	const onReceive: (() => void)[] = [];
	const server = http.createServer((req, res) => {
		received++;
		onReceive.splice(0).forEach((f) => f());
		if (fault === 'down') return req.socket.destroy();
		if (fault === 500 || fault === 429) {
			res.writeHead(fault, { 'content-type': 'application/json' });
			return res.end(JSON.stringify({ status: fault, message: 'injected', data: {} }));
		}
		const url = new URL(req.url ?? '/', target());
		const upstream = http.request(
			url,
			{ method: req.method, headers: { ...req.headers, host: url.host } },
			(up) => {
				forwarded++;
				if (fault === 'lose-response') {
					up.resume();
					up.on('end', () => req.socket.destroy());
					return;
				}
				res.writeHead(up.statusCode ?? 502, up.headers);
				up.pipe(res);
			}
		);
		upstream.on('error', () => req.socket.destroy());
		req.pipe(upstream);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		set(f: Fault) {
			fault = f;
		},
		get forwarded() {
			return forwarded;
		},
		get received() {
			return received;
		},
		/** Resolves when the next request reaches the proxy. */
		nextRequest: () => new Promise<void>((r) => onReceive.push(r)),
		close: () => new Promise<void>((r) => server.close(() => r()))
	};
}

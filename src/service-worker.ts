/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';

/**
 * Offline first: the app shell, every prerendered page (each built-in lesson included) and the
 * content pack are precached at install, so any lesson opens with no network after the first
 * visit. A new version installs beside the old one and waits until the member accepts the update.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `gongxue-${version}`;
/** Audio and video, kept once played; not precached (they are large) and kept across versions. */
const MEDIA_CACHE = 'gongxue-media';
const MEDIA = /^\/media\//;
/** Media uploaded in the studio: kept only when the member asks (the lesson page shows the size). */
const UPLOADED_MEDIA = /^\/api\/files\/lessons\//;
/** The adapter's SPA fallback; `$service-worker` does not list it. */
const FALLBACK = '/200.html';
const PRECACHE = [...build, ...files.filter((f) => !MEDIA.test(f)), ...prerendered, FALLBACK];
/** The build's chunks of libraries only the studio loads, on demand (scripts/vite-plugin-ondemand.ts):
 * not precached, kept once used. */
const ON_DEMAND_LIST = '/_app/on-demand.json';
const IMMUTABLE = /^\/_app\/immutable\//;
const PRECACHED = new Set(PRECACHE);
/** How long a navigation waits for the network before the cached shell is served, in ms. */
const NAVIGATION_TIMEOUT_MS = 4000;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const onDemand = new Set(await onDemandChunks());
			await (await caches.open(CACHE)).addAll(PRECACHE.filter((path) => !onDemand.has(path)));
		})()
	);
});

/** The on-demand chunks of this version; none (all precached) if the list cannot be read. */
async function onDemandChunks(): Promise<string[]> {
	try {
		const response = await fetch(ON_DEMAND_LIST, { cache: 'no-cache' });
		const list: unknown = response.ok ? await response.json() : [];
		return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
	} catch {
		return [];
	}
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== CACHE && key !== MEDIA_CACHE) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	// A lesson's uploaded media, once the member kept it on the device, plays with no network.
	if (UPLOADED_MEDIA.test(url.pathname)) {
		event.respondWith(kept(request, url));
		return;
	}
	// Only our own static files; the API goes straight to the network.
	if (url.pathname.startsWith('/api/')) return;
	event.respondWith(respond(request, url));
});

async function respond(request: Request, url: URL): Promise<Response> {
	if (MEDIA.test(url.pathname)) return media(url);
	const cache = await caches.open(CACHE);
	if (PRECACHED.has(url.pathname)) {
		const hit = await cache.match(url.pathname);
		if (hit) return hit;
	}
	if (request.mode === 'navigate') {
		try {
			const response = await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
			if (response.status < 500) return response;
		} catch {
			// offline or too slow: the shell below renders the page from what the device has
		}
		return (await cache.match(FALLBACK)) ?? Response.error();
	}
	try {
		const response = await fetch(request);
		// An on-demand chunk (immutable: its name changes with its content) is kept once used.
		if (response.ok && IMMUTABLE.test(url.pathname)) await cache.put(request, response.clone());
		return response;
	} catch (e) {
		const hit = await cache.match(request);
		if (hit) return hit;
		throw e;
	}
}

/**
 * Media from the media cache, else fetched whole and kept, so a lesson's audio plays offline
 * once it has played online. The whole file answers range requests too; players accept that.
 */
async function media(url: URL): Promise<Response> {
	const cache = await caches.open(MEDIA_CACHE);
	const hit = await cache.match(url.pathname);
	if (hit) return hit;
	const response = await fetch(url.pathname);
	if (response.ok) await cache.put(url.pathname, response.clone());
	return response;
}

/** Uploaded media from the media cache if the member kept it, else from the network. */
async function kept(request: Request, url: URL): Promise<Response> {
	const hit = await (await caches.open(MEDIA_CACHE)).match(url.pathname);
	return hit ?? fetch(request);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('timeout')), ms);
		promise.then(
			(v) => {
				clearTimeout(timer);
				resolve(v);
			},
			(e: unknown) => {
				clearTimeout(timer);
				reject(e instanceof Error ? e : new Error(String(e)));
			}
		);
	});
}

import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every lesson is prerendered; anything else (downloaded lessons, later routes) is served
		// by the SPA fallback. The fallback must not be index.html: `/` is a prerendered page.
		adapter: adapter({ fallback: '200.html', precompress: false, strict: true }),
		// workbox-window registers the worker so that an update can wait for the member's consent.
		serviceWorker: { register: false },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		version: { pollInterval: 0 }
	}
};

export default config;

import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { gongxueContent } from './scripts/vite-plugin-content.ts';
import { onDemandChunks } from './scripts/vite-plugin-ondemand.ts';

export default defineConfig({
	plugins: [gongxueContent(), sveltekit(), onDemandChunks()],
	build: {
		rolldownOptions: { checks: { pluginTimings: false } }
	},
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
		testTimeout: 30_000,
		// The server tests mostly wait on their own PocketBase: three files at a time on the
		// 2-core CI machine took 115 s where two took about 160 s.
		maxWorkers: 3,
		hookTimeout: 60_000,
		environment: 'node'
	}
});

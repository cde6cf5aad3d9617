import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { gongxueContent } from './scripts/vite-plugin-content.ts';

export default defineConfig({
	plugins: [gongxueContent(), sveltekit()],
	build: {
		rolldownOptions: { checks: { pluginTimings: false } }
	},
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		environment: 'node'
	}
});

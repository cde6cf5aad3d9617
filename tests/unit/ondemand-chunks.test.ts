import { describe, expect, it } from 'vitest';
import {
	dependencyClosure,
	isOnDemand,
	ON_DEMAND_LIBRARIES,
	packageOf
} from '../../scripts/vite-plugin-ondemand.ts';

describe('the studio’s on-demand chunks, left out of the precache', () => {
	const packages = dependencyClosure(ON_DEMAND_LIBRARIES);

	it('follow the libraries into what they depend on', () => {
		expect(packages).toContain('mammoth');
		expect(packages).toContain('write-excel-file');
		expect(packages).toContain('qr');
		// mammoth reads the .docx zip with jszip; write-excel-file writes it with fflate.
		expect(packages).toContain('jszip');
		expect(packages).toContain('fflate');
		expect(packages).not.toContain('dexie');
		expect(packages).not.toContain('pocketbase');
	});

	it('name the package of a module, scoped or not, on any platform', () => {
		expect(packageOf('/w/node_modules/jszip/lib/index.js')).toBe('jszip');
		expect(packageOf('/w/node_modules/a/node_modules/@xmldom/xmldom/lib/dom.js')).toBe(
			'@xmldom/xmldom'
		);
		expect(packageOf('C:\\w\\node_modules\\pako\\index.js')).toBe('pako');
		expect(packageOf('/w/src/lib/state/report.svelte.ts')).toBeNull();
	});

	it('are chunks of those libraries alone: any app code or other library keeps a chunk precached', () => {
		const lib = '/w/node_modules/mammoth/lib/index.js';
		expect(
			isOnDemand([lib, '/w/node_modules/jszip/lib/index.js', '\0rolldown/runtime'], packages)
		).toBe(true);
		expect(isOnDemand([lib, '/w/src/lib/state/bank-import.svelte.ts'], packages)).toBe(false);
		expect(isOnDemand([lib, '/w/node_modules/dexie/dist/dexie.mjs'], packages)).toBe(false);
		expect(isOnDemand(['\0rolldown/runtime'], packages)).toBe(false);
		expect(isOnDemand([], packages)).toBe(false);
	});
});

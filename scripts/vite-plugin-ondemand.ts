import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Libraries only a secretary's studio loads, and only on demand: reading a `.docx` bank (mammoth),
 * writing the report's `.xlsx` (write-excel-file) and drawing a meeting's check-in QR code (qr).
 * Their chunks are left out of the service worker's precache, so a member's first visit does not
 * download them; the service worker keeps them once they have been used.
 */
export const ON_DEMAND_LIBRARIES = ['mammoth', 'write-excel-file', 'qr'];

/** Where the client build lists those chunks for the service worker. */
export const ON_DEMAND_LIST = '_app/on-demand.json';

/** The packages `roots` depend on, themselves included (from node_modules' package.json files). */
export function dependencyClosure(roots: string[], nodeModules = 'node_modules'): Set<string> {
	const seen = new Set<string>();
	const visit = (name: string) => {
		if (seen.has(name)) return;
		seen.add(name);
		let manifest: { dependencies?: Record<string, string> };
		try {
			manifest = JSON.parse(readFileSync(join(nodeModules, name, 'package.json'), 'utf8'));
		} catch {
			return;
		}
		for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep);
	};
	roots.forEach(visit);
	return seen;
}

/** The package a module id belongs to, or null if it is not inside node_modules. */
export function packageOf(id: string): string | null {
	const path = id.replaceAll('\\', '/');
	const at = path.lastIndexOf('/node_modules/');
	if (at < 0) return null;
	const parts = path.slice(at + '/node_modules/'.length).split('/');
	return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? null);
}

/** Whether a chunk holds nothing but the on-demand libraries (and the bundler's own helpers). */
export function isOnDemand(moduleIds: string[], packages: Set<string>): boolean {
	let found = false;
	for (const id of moduleIds) {
		if (id.startsWith('\0')) continue;
		const name = packageOf(id);
		if (name === null || !packages.has(name)) return false;
		found = true;
	}
	return found;
}

/** Lists the client build's on-demand chunks in `_app/on-demand.json`. */
export function onDemandChunks(): Plugin {
	const packages = dependencyClosure(ON_DEMAND_LIBRARIES);
	return {
		name: 'gongxue-on-demand-chunks',
		apply: 'build',
		generateBundle(_options, bundle) {
			if (this.environment?.name !== 'client') return;
			const chunks = Object.values(bundle)
				.filter((c) => c.type === 'chunk' && isOnDemand(c.moduleIds, packages))
				.map((c) => `/${c.fileName}`)
				.sort();
			this.emitFile({ type: 'asset', fileName: ON_DEMAND_LIST, source: JSON.stringify(chunks) });
		}
	};
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { m } from '$lib/i18n';
import { handleError } from './hooks.client';

const event = {} as Parameters<typeof handleError>[0]['event'];
const handle = (error: unknown, status = 500, message = 'Internal Error') =>
	handleError({ error, event, status, message });

describe('handleError: what a member reads when a page fails', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		vi.restoreAllMocks();
	});

	it('names a page whose code could not be fetched, and marks it to open again', () => {
		vi.stubGlobal('navigator', { onLine: true });
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const chromium = new TypeError(
			'Failed to fetch dynamically imported module: http://x/_app/immutable/nodes/7.js'
		);
		const safari = new TypeError('Importing a module script failed.');
		for (const error of [chromium, safari])
			expect(handle(error)).toEqual({ message: m.error.unreachable, unreachable: true });
	});

	it('offline, any failure is the missing network', () => {
		vi.stubGlobal('navigator', { onLine: false });
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		expect(handle(new Error('boom'))).toEqual({ message: m.error.unreachable, unreachable: true });
	});

	it('online, another failure gets the plain Chinese message, not the English one', () => {
		vi.stubGlobal('navigator', { onLine: true });
		const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const error = new RangeError('bad');
		expect(handle(error)).toEqual({ message: m.error.unexpected });
		expect(logged).toHaveBeenCalledWith(error);
	});

	it('leaves a missing page to the 404 view', () => {
		vi.stubGlobal('navigator', { onLine: false });
		expect(handle(new Error('Not found: /x'), 404, 'Not Found')).toEqual({ message: 'Not Found' });
	});
});

import type { HandleClientError } from '@sveltejs/kit';
import { m } from '$lib/i18n';

/** A failed fetch of a page's code, as Chromium, Firefox and Safari word it. */
const MODULE_FETCH =
	/dynamically imported module|Importing a module script failed|error loading dynamically/i;

/**
 * The one path for unexpected errors in the app: logged for the developer, shown to the member
 * in Chinese. A page whose code cannot be fetched (offline before the app was installed, or the
 * server gone) says so, and the error page opens it again once the network returns.
 */
export const handleError: HandleClientError = ({ error, status, message }) => {
	if (status === 404) return { message };
	console.error(error);
	const unreachable =
		!navigator.onLine || (error instanceof TypeError && MODULE_FETCH.test(error.message));
	return unreachable
		? { message: m.error.unreachable, unreachable: true }
		: { message: m.error.unexpected };
};

// A contest is made on the server at any time: its page is the app shell, filled in the browser.
export const prerender = false;
export const ssr = false;

export function load({ params }) {
	return { id: params.id };
}

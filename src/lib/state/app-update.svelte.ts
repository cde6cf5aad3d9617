import type { Workbox } from 'workbox-window';

/**
 * The service worker and app updates. A new version waits until the member accepts the banner;
 * quiz answers are stored as they are given, so the reload loses nothing.
 */
class AppUpdate {
	/** A new version is installed and waiting for the member's consent. */
	waiting = $state(false);
	/** A quiz is on screen and unfinished: the banner says its answers are safe. */
	quizInProgress = $state(false);
	#wb: Workbox | null = null;
	#accepted = false;

	/** Register the service worker (production builds only). */
	async register(): Promise<void> {
		if (!('serviceWorker' in navigator) || this.#wb !== null) return;
		const { Workbox } = await import('workbox-window');
		const wb = new Workbox('/service-worker.js');
		this.#wb = wb;
		wb.addEventListener('waiting', () => (this.waiting = true));
		wb.addEventListener('controlling', () => {
			if (this.#accepted) location.reload();
		});
		await wb.register();
		// Look for a new version whenever the member comes back to the app.
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') void wb.update();
		});
	}

	/** Switch to the waiting version; the page reloads once it takes control. */
	apply(): void {
		if (this.#wb === null) return;
		this.#accepted = true;
		this.#wb.messageSkipWaiting();
	}
}

export const appUpdate = new AppUpdate();

/** The browser's install prompt, where it offers one (Chromium on Android and desktop). */
interface InstallPromptEvent extends Event {
	prompt(): Promise<void>;
}

/** Offers "install to home screen" inside the app once the browser allows it. */
class Install {
	/** The browser would install the app now. */
	available = $state(false);
	/** Running as an installed app. */
	installed = $state(false);
	#prompt: InstallPromptEvent | null = null;

	/** Start listening; called once by the root layout, early, so the event is not missed. */
	listen(): void {
		this.installed = matchMedia('(display-mode: standalone)').matches;
		addEventListener('beforeinstallprompt', (e) => {
			e.preventDefault();
			this.#prompt = e as InstallPromptEvent;
			this.available = true;
		});
		addEventListener('appinstalled', () => {
			this.available = false;
			this.installed = true;
		});
	}

	/** Show the browser's install dialog. */
	async prompt(): Promise<void> {
		const p = this.#prompt;
		if (p === null) return;
		this.#prompt = null;
		this.available = false;
		// A prompt can be shown once; the browser sends a new event if it may ask again.
		await p.prompt();
	}
}

export const install = new Install();

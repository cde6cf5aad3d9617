// Every page is prerendered; anything not known at build time falls back to the SPA shell.
export const prerender = true;
export const trailingSlash = 'never';

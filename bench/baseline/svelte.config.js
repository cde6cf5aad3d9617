// The baseline for bundle-size figures: a bare SvelteKit page, built exactly like Gongxue.
import adapter from '@sveltejs/adapter-static';

export default {
	kit: { adapter: adapter({ fallback: '200.html', precompress: false, strict: true }) }
};

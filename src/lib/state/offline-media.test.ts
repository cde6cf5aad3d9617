import { describe, expect, it } from 'vitest';
import { formatBytes, mediaOf } from './offline-media.svelte';

describe('a lesson’s media to keep offline', () => {
	it('lists its own audio, video and images once each, and nothing from elsewhere', () => {
		expect(
			mediaOf({
				audio: '/api/files/lessons/r1/narration_ab12.webm',
				video: '/media/intro.mp4',
				html:
					'<p><img src="/api/files/lessons/r1/photo_x.png" alt="合影"></p>' +
					'<p><img alt="重复" src="/api/files/lessons/r1/photo_x.png?thumb=100x100"></p>' +
					'<img src="https://example.com/tracker.gif"><img src="data:image/png;base64,AAAA">'
			})
		).toEqual([
			'/api/files/lessons/r1/narration_ab12.webm',
			'/media/intro.mp4',
			'/api/files/lessons/r1/photo_x.png'
		]);
	});

	it('is empty for a lesson of text alone, or with media on another site', () => {
		expect(mediaOf({ audio: null, video: null, html: '<p>正文</p>' })).toEqual([]);
		expect(mediaOf({ audio: 'https://cdn.example.com/a.mp3', video: null, html: '' })).toEqual([]);
	});

	it('states sizes as a member reads them', () => {
		expect(formatBytes(300)).toBe('1 KB');
		expect(formatBytes(860 * 1024)).toBe('860 KB');
		expect(formatBytes(12.34 * 1024 * 1024)).toBe('12.3 MB');
	});
});

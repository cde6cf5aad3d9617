// The media a studio lesson may carry: which files, how large, where they are served, and which
// a lesson's text refers to by a relative path.

/** Media a lesson may carry (the server checks the content again), and the size limit. */
export const MEDIA_TYPES = [
	'audio/mpeg',
	'audio/mp4',
	'audio/x-m4a',
	'audio/aac',
	'audio/ogg',
	'audio/webm',
	'audio/wav',
	'video/mp4',
	'video/webm',
	'image/png',
	'image/jpeg',
	'image/webp',
	'image/gif'
];
export const MEDIA_MAX_BYTES = 50 * 1024 * 1024;

/** The path a lesson's uploaded file is served at, on the app's own origin. */
export function mediaPath(recordId: string, name: string): string {
	return `/api/files/lessons/${encodeURIComponent(recordId)}/${encodeURIComponent(name)}`;
}

/** Why a file cannot be attached, in words for the author; null when it can. */
export function mediaProblem(file: { type: string; size: number; name: string }): string | null {
	const type = file.type.split(';')[0]?.trim() ?? '';
	if (!MEDIA_TYPES.includes(type)) {
		return `“${file.name}”的格式不支持：只能上传音频（mp3、m4a、ogg、webm、wav）、视频（mp4、webm）和图片（png、jpg、webp、gif）。`;
	}
	if (file.size > MEDIA_MAX_BYTES) {
		return `“${file.name}”有 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 50 MB 的上限。`;
	}
	return null;
}

/** Media a lesson file refers to by a relative path: images in the body, audio and video in
 * the front matter. */
export function relativeRefs(text: string): string[] {
	const refs = new Set<string>();
	const relative = (p: string) => p !== '' && !/^([a-z][a-z0-9+.-]*:|\/)/i.test(p);
	for (const m of text.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g))
		if (relative(m[1] ?? '')) refs.add(m[1] ?? '');
	for (const m of text.matchAll(/^(?:audio|video):\s*["']?([^"'\n]+?)["']?\s*$/gm))
		if (relative(m[1] ?? '')) refs.add(m[1] ?? '');
	return [...refs];
}

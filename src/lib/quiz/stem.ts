/** A stem cut at its blanks: text parts with a blank between each two. */
export function splitStem(stem: string): string[] {
	return stem.split(/[_＿]{2,}|[（(]\s*[)）]/);
}

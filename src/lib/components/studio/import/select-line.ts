/** Styles that decide where text wraps in a textarea, copied to the measuring copy. */
const COPIED = [
	'fontFamily',
	'fontSize',
	'fontWeight',
	'fontStyle',
	'letterSpacing',
	'lineHeight',
	'tabSize',
	'textIndent',
	'wordSpacing',
	'wordBreak',
	'overflowWrap',
	'paddingTop',
	'paddingLeft',
	'paddingRight'
] as const;

/** The top (px, from the textarea's content top) of the character at `index`, wrapping included. */
function offsetTop(area: HTMLTextAreaElement, index: number): number {
	const style = getComputedStyle(area);
	const copy = document.createElement('div');
	for (const key of COPIED) copy.style[key] = style[key];
	const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
	Object.assign(copy.style, {
		position: 'absolute',
		visibility: 'hidden',
		top: '0',
		left: '-9999px',
		boxSizing: 'content-box',
		width: `${area.clientWidth - padding}px`,
		whiteSpace: 'pre-wrap'
	});
	copy.textContent = area.value.slice(0, index);
	const mark = document.createElement('span');
	mark.textContent = '\u200b';
	copy.append(mark);
	document.body.append(copy);
	const top = mark.offsetTop;
	copy.remove();
	return top;
}

/** Select line `line` (1-based) of a textarea and scroll it to the upper third of the box. */
export function selectLine(area: HTMLTextAreaElement, line: number): void {
	const text = area.value;
	let start = 0;
	for (let i = 1; i < line; i++) {
		const next = text.indexOf('\n', start);
		if (next < 0) break;
		start = next + 1;
	}
	const newline = text.indexOf('\n', start);
	const end = newline < 0 ? text.length : newline;
	area.scrollIntoView({ block: 'nearest' });
	area.focus({ preventScroll: true });
	area.setSelectionRange(start, end);
	area.scrollTop = Math.max(0, offsetTop(area, start) - area.clientHeight / 3);
}

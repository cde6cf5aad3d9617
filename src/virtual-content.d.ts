declare module 'virtual:gongxue-content' {
	import type { Bank, Lesson } from '$lib/content';
	export const lessons: Lesson[];
	export const banks: Bank[];
}

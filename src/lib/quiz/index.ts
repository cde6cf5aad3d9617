/** Question types, grading and quiz scoring. Pure: runs in the build, browser, tests and server. */
export * from './grade';
export { splitStem } from './stem';

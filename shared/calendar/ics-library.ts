/**
 * The calendar library, for `import()` on first use. It is CommonJS: imported straight from a function's bundle,
 * where what loads later sits in a file of its own, it would give its `module.exports` as a default export alone;
 * re-exported from this ES module, its functions keep their names however it is loaded.
 */
export { createEvent } from 'ics';

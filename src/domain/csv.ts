// One CSV writer for the app's exports and the office's downloads: the formula guard lives in one place.
export { csvCell, toCsv, UTF8_BOM } from '../../server/src/shared/csv.ts';

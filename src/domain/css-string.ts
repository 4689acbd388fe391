// One CSS string escape for the printed minutes and the office's printed pages.
export { cssString } from '../../server/src/shared/css-string.ts';

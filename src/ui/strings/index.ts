export { en as t } from './en-GB';

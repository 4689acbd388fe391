// The short code the office shows for a group that sends no name: one function with the server's.
export { groupCode } from '../../server/src/shared/group-code.ts';

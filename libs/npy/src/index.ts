export { NpyError } from './errors.js';
export { decodeMatrix, type Matrix, readMatrix } from './read.js';
export { writeMatrix } from './write.js';

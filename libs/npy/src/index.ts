export { NpyError } from './errors.js';
export { decodeMatrix, type Matrix, readMatrix } from './read.js';
export { MatrixRowWriter } from './row-writer.js';
export { writeMatrix } from './write.js';

export * from '@smartmix/submodular';
export { exactDataKernel as exactDataKernelForTests } from '../src/kernels/exact-data-kernel.js';

/** Types of generate.mjs, which the test of the generated module imports. */
export function assembleBlockGains(): Promise<string>;
export function generatedModule(base64: string): string;

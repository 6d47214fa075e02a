/**
 * A data file's format is decided by its name alone, so a directory listing can tell data from notes (README.md,
 * stats.json) without opening anything.
 */
export const DATA_FILE = /\.(jsonl|jsonl\.gz|parquet)$/;

export const isParquet = (file: string): boolean => file.endsWith('.parquet');

export const isGzip = (file: string): boolean => file.endsWith('.gz');

/** Types for locale-parts.mjs (used by vite.config.ts). */
export declare const CONTENT_KEY_PREFIXES: readonly string[];
export declare function pruneCatalogue(json: string, keep?: (key: string) => boolean): string;

// Eleventy 3 ships no type declarations; this covers the parts Keikoku calls.
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    /** A config file, or false for none (the configuration then comes from `config`). */
    configPath?: string | false;
    /** A configuration callback, run with Eleventy's config object before any config file. */
    config?: (eleventyConfig: any) => void | Promise<void>;
    pathPrefix?: string;
    quietMode?: boolean;
    source?: string;
    runMode?: string;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions, eleventyConfig?: unknown);
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    /** Silences Eleventy's console logger, its forced "Copied … Wrote …" line included. */
    disableLogger(): void;
  }
  export const HtmlBasePlugin: (eleventyConfig: unknown, options?: unknown) => void;
  export const I18nPlugin: (eleventyConfig: unknown, options?: unknown) => void;
}

// @11ty/eleventy-dev-server 2 ships no type declarations either; the parts src/preview uses.
declare module "@11ty/eleventy-dev-server" {
  export default class EleventyDevServer {
    constructor(name: string, dir: string, options?: Record<string, unknown>);
    serve(port: number): void;
    reload(event?: { files?: string[]; subtype?: string }): void;
    close(): Promise<void>;
  }
}

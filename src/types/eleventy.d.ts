// Eleventy 3 ships no type declarations; this covers the parts Keikoku calls.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; source?: string; runMode?: string }, eleventyConfig?: unknown);
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
  }
  export const HtmlBasePlugin: (eleventyConfig: unknown, options?: unknown) => void;
  export const I18nPlugin: (eleventyConfig: unknown, options?: unknown) => void;
}

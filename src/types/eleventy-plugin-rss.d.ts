// The RSS plugin ships no type declarations.
declare module "@11ty/eleventy-plugin-rss" {
  export const rssPlugin: (eleventyConfig: unknown, options?: unknown) => void;
  export const dateToRfc3339: (date: Date) => string;
}

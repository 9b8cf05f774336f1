/** Makes Keikoku's markdown-it Eleventy's Markdown library, and keeps Markdown out of template engines. */
import { createMarkdown } from "./markdown.ts";

export function markdownPlugin(eleventyConfig: any): void {
  eleventyConfig.setLibrary("md", createMarkdown());
}

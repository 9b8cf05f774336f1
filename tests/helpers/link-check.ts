/**
 * Checks every internal link and anchor of a built site: each href/src that points inside the site
 * (under its path prefix) must resolve to a file, and each #fragment to an id on the target page.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { walkFiles } from "../../src/links/walk-files.ts";

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

function htmlFiles(dir: string): string[] {
  return walkFiles(dir, (name) => name === "pagefind").filter((f) => f.endsWith(".html"));
}

export function checkLinks(siteDir: string, origin = "http://localhost:8080", prefix = "/"): { pages: number; links: number; broken: BrokenLink[] } {
  const files = htmlFiles(siteDir);
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idCache.get(file);
    if (!ids) {
      const $ = cheerio.load(readFileSync(file, "utf8"));
      ids = new Set($("[id]").map((_, el) => $(el).attr("id")!).get());
      idCache.set(file, ids);
    }
    return ids;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of files) {
    const pagePath = `${prefix}${file.slice(siteDir.length + 1).split("\\").join("/")}`.replace(/index\.html$/, "");
    const base = new URL(pagePath, origin);
    const $ = cheerio.load(readFileSync(file, "utf8"));
    const refs = [
      ...$("a[href]").map((_, el) => $(el).attr("href")!).get(),
      ...$("link[href]").map((_, el) => $(el).attr("href")!).get(),
      ...$("script[src]").map((_, el) => $(el).attr("src")!).get(),
      ...$("img[src]").map((_, el) => $(el).attr("src")!).get(),
      ...$("form[action]").map((_, el) => $(el).attr("action")!).get(),
    ];
    for (const href of refs) {
      const url = new URL(href, base);
      if (url.origin !== origin) continue;
      links++;
      if (!url.pathname.startsWith(prefix)) {
        broken.push({ page: pagePath, href, reason: `outside the path prefix ${prefix}` });
        continue;
      }
      const rel = decodeURIComponent(url.pathname.slice(prefix.length));
      let target = join(siteDir, rel);
      if (existsSync(target) && statSync(target).isDirectory()) target = join(target, "index.html");
      if (!existsSync(target)) {
        broken.push({ page: pagePath, href, reason: "no such file" });
        continue;
      }
      if (url.hash && target.endsWith(".html") && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) {
        broken.push({ page: pagePath, href, reason: `no element with id "${url.hash.slice(1)}"` });
      }
    }
  }
  return { pages: files.length, links, broken };
}

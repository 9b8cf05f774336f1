/**
 * A small static file server: serves a built site on 127.0.0.1, optionally under a path prefix
 * (as a partner mirror would), with the site's 404.html for missing files.
 */
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json", ".xml": "application/xml", ".wasm": "application/wasm", ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv", ".svg": "image/svg+xml", ".pf_meta": "application/octet-stream",
};

export interface StaticServer {
  origin: string;
  /** Every path requested, for "no request leaves the site" style checks. */
  requests: string[];
  /** Every response with its body's size, in order: what a page and its workers fetched, caches aside. */
  served: { path: string; bytes: number }[];
  close(): Promise<void>;
}

export async function serveStatic(root: string, prefix = "/"): Promise<StaticServer> {
  const requests: string[] = [];
  const served: { path: string; bytes: number }[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    requests.push(url.pathname);
    const send = (status: number, file: string) => {
      res.writeHead(status, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      const body = readFileSync(file);
      served.push({ path: url.pathname, bytes: body.length });
      res.end(body);
    };
    const notFound = () => (existsSync(join(root, "404.html")) ? send(404, join(root, "404.html")) : (res.writeHead(404), res.end()));
    if (!url.pathname.startsWith(prefix)) return notFound();
    const relative = decodeURIComponent(url.pathname.slice(prefix.length));
    const path = normalize(join(root, relative));
    if (!path.startsWith(normalize(root))) return notFound();
    if (existsSync(path) && statSync(path).isFile()) return send(200, path);
    if (existsSync(join(path, "index.html"))) {
      if (!url.pathname.endsWith("/")) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` });
        return res.end();
      }
      return send(200, join(path, "index.html"));
    }
    notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

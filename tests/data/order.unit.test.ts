/**
 * The site's "newest first" order (src/data/order.ts): date, then importance, then severity; and the
 * bundled content in that order, as the data layer hands it to every list.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { newestFirst, type Orderable } from "../../src/data/order.ts";
import { loadContent } from "../../src/data/load-content.ts";
import { ROOT } from "../helpers/fixtures.ts";

const entry = (id: string, kind: Orderable["kind"], updated: string, extra: Partial<Orderable> = {}): Orderable => ({ id, kind, updated, published: updated, ...extra });
const ids = (list: Orderable[]) => [...list].sort(newestFirst).map((e) => e.id);

test("a newer revision date comes first, whatever the kind or severity", () => {
  assert.deepEqual(ids([
    entry("old-critical", "incident", "2004-05-01", { severity: "critical" }),
    entry("new-hoax", "hoax", "2004-05-09"),
    entry("mid-guidance", "guidance", "2004-05-05"),
  ]), ["new-hoax", "mid-guidance", "old-critical"]);
});

test("on the same date: incidents and bulletins, then guidance, then hoaxes", () => {
  assert.deepEqual(ids([
    entry("a-hoax", "hoax", "2004-05-08"),
    entry("b-guidance", "guidance", "2004-05-08"),
    entry("c-bulletin", "bulletin", "2004-05-08"),
    entry("d-incident", "incident", "2004-05-08"),
  ]), ["d-incident", "c-bulletin", "b-guidance", "a-hoax"]);
});

test("within incidents and bulletins, higher severity first, whatever the kind", () => {
  assert.deepEqual(ids([
    entry("low-incident", "incident", "2004-05-08", { severity: "low" }),
    entry("none", "bulletin", "2004-05-08"),
    entry("moderate", "bulletin", "2004-05-08", { severity: "moderate" }),
    entry("critical-bulletin", "bulletin", "2004-05-08", { severity: "critical" }),
    entry("important", "incident", "2004-05-08", { severity: "important" }),
    entry("not-critical", "bulletin", "2004-05-08", { severity: "not-critical" }),
  ]), ["critical-bulletin", "important", "moderate", "low-incident", "none", "not-critical"]);
});

test("same severity: the incident before the bulletin; then the newer publication; then the id", () => {
  assert.deepEqual(ids([
    entry("ms04-011", "bulletin", "2004-05-08", { severity: "critical" }),
    entry("sasser", "incident", "2004-05-08", { severity: "critical" }),
  ]), ["sasser", "ms04-011"]);
  assert.deepEqual(ids([
    entry("b", "hoax", "2004-05-08", { published: "2004-05-01" }),
    entry("a", "hoax", "2004-05-08", { published: "2004-05-02" }),
    entry("c", "hoax", "2004-05-08", { published: "2004-05-02" }),
  ]), ["a", "c", "b"]);
});

test("the comparator is consistent: antisymmetric, zero only for the same id, and independent of input order", () => {
  const all = [
    entry("a", "hoax", "2004-05-08"), entry("b", "guidance", "2004-05-08"), entry("c", "incident", "2004-05-08", { severity: "critical" }),
    entry("d", "bulletin", "2004-05-08", { severity: "critical" }), entry("e", "bulletin", "2004-04-14", { severity: "important" }),
    entry("f", "incident", "2004-05-08", { severity: null }),
  ];
  for (const x of all) for (const y of all) {
    assert.equal(Math.sign(newestFirst(x, y)), -Math.sign(newestFirst(y, x)) || 0, `${x.id} ${y.id}`);
    assert.equal(newestFirst(x, y) === 0, x.id === y.id);
  }
  const expected = ids(all);
  assert.deepEqual(ids([...all].reverse()), expected);
  assert.deepEqual(expected, ["c", "d", "f", "b", "a", "e"]);
});

test("the bundled content, per language: Sasser and MS04-011 first, then the measures, then the eight hoaxes", () => {
  const { site } = loadContent({ root: ROOT, contentDir: `${ROOT}/content` });
  assert.ok(site);
  for (const lang of ["ja", "en"]) {
    const order: string[] = site.entries.filter((e) => e.lang === lang).map((e) => e.id);
    assert.deepEqual(order.slice(0, 3), ["sasser", "ms04-011", "measures"], lang);
    assert.equal(order.length, 11);
    assert.deepEqual(new Set(order.slice(3).map((id: string) => site!.entries.find((e) => e.id === id)!.kind)), new Set(["hoax"]));
  }
});

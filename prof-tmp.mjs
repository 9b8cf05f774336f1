import WebSocket from "ws";
import { writeFileSync } from "node:fs";
const ws = new WebSocket(process.argv[2]);
let id = 0; const pending = new Map();
const send = (method, params = {}) => new Promise((r) => { const i = ++id; pending.set(i, r); ws.send(JSON.stringify({ id: i, method, params })); });
ws.on("message", (m) => { const d = JSON.parse(m); if (d.id && pending.has(d.id)) { pending.get(d.id)(d.result); pending.delete(d.id); } });
ws.on("open", async () => {
  await send("Profiler.enable"); await send("Profiler.start");
  await new Promise((r) => setTimeout(r, Number(process.argv[3] ?? 10000)));
  const { profile } = await send("Profiler.stop");
  writeFileSync("/work/scale/dev-live.cpuprofile", JSON.stringify(profile)); ws.close(); process.exit(0);
});

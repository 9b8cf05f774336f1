// A worker thread does not inherit the tsx loader the main thread got from --import tsx: register it for
// this thread, then load the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");

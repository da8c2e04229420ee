// lib/config.ts parses process.env once; tests change variables between cases. Re-parse on
// every change so a test sees its own settings, as a freshly started process would.
import { reloadConfig } from "../../lib/config";

const env = process.env;
process.env = new Proxy(env, {
  set(target, key, value) {
    const ok = Reflect.set(target, key, value);
    reloadConfig();
    return ok;
  },
  deleteProperty(target, key) {
    const ok = Reflect.deleteProperty(target, key);
    reloadConfig();
    return ok;
  },
});

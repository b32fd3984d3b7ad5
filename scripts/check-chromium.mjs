// Fails fast, with the fix, when the browser the end-to-end tests drive is missing.
import { existsSync } from 'node:fs';
const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `Chromium not found at ${path}. The end-to-end tests drive Debian's Chromium:\n` +
      `  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `(or set CHROMIUM_PATH to another Chromium binary).`,
  );
  process.exit(1);
}

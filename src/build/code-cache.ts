import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Script } from 'node:vm';

// Build step after the bundle: loads it the way bin/bosoreport.cjs does, validates both examples
// (so the functions a run needs are compiled), and writes V8's code cache next to the bundle.
const { loadBundle, BUNDLE } = createRequire(import.meta.url)('../../bin/load-bundle.cjs') as {
  loadBundle(): { exports: { main(argv: string[], io: unknown): Promise<number> }; script: Script };
  BUNDLE: string;
};
const root = fileURLToPath(new URL('../../', import.meta.url));
const { exports, script } = loadBundle();
const sink = { write: () => true, isTTY: false };
await exports.main(['validate', 'examples/gjovik-aarsrapport-2012.yaml', 'examples/lillehammer-halvaarsrapport-2011.yaml'], {
  stdout: sink,
  stderr: sink,
  env: { CI: 'true' },
  cwd: root,
});
writeFileSync(`${BUNDLE}.cache`, script.createCachedData());

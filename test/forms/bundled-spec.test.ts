import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { form as code } from '../../src/forms/aarsrapport-2012/form.js';
import { loadFormFolder } from '../../src/forms/folder.js';
import { readFormYaml } from '../../src/forms/form-yaml.js';
import { BUILTIN_FORMS_DIR } from '../../src/forms/registry.js';
import { textDigest } from '../../src/util/text-digest.js';
import { tempTree } from '../helpers.js';

// The bundle carries each built-in form.yaml as read at build time (src/build/bundle.ts), as JSON.
const builtin = readdirSync(BUILTIN_FORMS_DIR).filter((name) => {
  try {
    return readFileSync(path.join(BUILTIN_FORMS_DIR, name, 'form.yaml')).length > 0;
  } catch {
    return false;
  }
});

describe('built-in form.yaml carried in the bundle', () => {
  it('reads the same as form.yaml after a trip through JSON, for every built-in form', () => {
    expect(builtin.length).toBeGreaterThan(3);
    for (const name of builtin) {
      const file = path.join(BUILTIN_FORMS_DIR, name, 'form.yaml');
      const { spec } = readFormYaml(file, readFileSync(file), 'en');
      expect(spec, name).toBeDefined();
      expect(JSON.parse(JSON.stringify(spec)), name).toStrictEqual(spec);
    }
  });

  it('is used while the file holds the text it was read from, and read again once the file changes', async () => {
    const t = tempTree({});
    try {
      const dir = path.join(t.dir, 'aarsrapport-2012');
      cpSync(path.join(BUILTIN_FORMS_DIR, 'aarsrapport-2012'), dir, { recursive: true });
      const file = path.join(dir, 'form.yaml');
      // An id of its own: the schema store is the process's, and the real form's id must keep its file.
      const text = readFileSync(file, 'utf8').replace(/^id: aarsrapport-2012$/m, 'id: bundlet-proeve');
      writeFileSync(file, text);
      const { spec } = readFormYaml(file, Buffer.from(text), 'en');
      const carried = { digest: textDigest([text]), spec: { ...spec!, about: 'as carried' } };
      expect((await loadFormFolder(dir, 'builtin', 'en', code, carried)).form?.about).toBe('as carried');
      writeFileSync(file, `${text}\n# changed after the build\n`);
      expect((await loadFormFolder(dir, 'builtin', 'en', code, carried)).form?.about).toBe(spec!.about);
    } finally {
      t.cleanup();
    }
  });
});

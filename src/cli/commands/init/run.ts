import { open } from 'node:fs/promises';
import { makeDirs } from '../../../util/make-dirs.js';
import path from 'node:path';
import { BosoreportError, EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE } from '../../../errors.js';
import type { Form } from '../../../forms/types.js';
import { skeleton } from '../../../init/skeleton.js';
import { t } from '../../../messages/index.js';
import { closest } from '../../../util/similar.js';
import { defaultReportPath, modelineTarget, repositoryRoot } from '../../../init/placement.js';
import { editorSchemaFile } from '../../../init/modeline.js';
import { SCHEMA_DIR } from '../../../schema/store.js';
import { check } from '../../check.js';
import { colorFor, type CommandContext } from '../../context.js';
import { formatStylish } from '../../formatters/stylish.js';
import { formsHere } from '../../forms-here.js';
import { display } from '../../../engine/index.js';
import { shellArg } from '../../../util/shell-arg.js';
import { visible } from '../../../util/visible.js';

export interface InitOptions {
  kommune: string;
  aar: string;
  from?: string;
  output?: string;
  /** For a form with variants: forste_halvaar or hele_aaret. */
  periode?: string;
}

/** `bosoreport init <form>`: a new report with every field, explained; never overwrites a file. */
export async function runInit(formId: string | undefined, options: InitOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  if (formId === undefined) throw new BosoreportError(t(lang, 'init/no-form'), EXIT_USAGE);
  const { forms } = await formsHere(ctx);
  if (!forms) return EXIT_USAGE;
  // An old id still works: the new file gets the form's present id.
  const form = forms.find(formId) ?? forms.findByAlias(formId);
  if (!form) throw new BosoreportError(t(lang, 'init/unknown-form', { value: formId, forms: forms.ids.join(', '), suggestion: closest(formId, forms.ids) ?? '' }), EXIT_USAGE);
  const aar = Number(options.aar);
  if (!Number.isInteger(aar) || aar < 2000 || aar > 2100) throw new BosoreportError(t(lang, 'init/bad-year', { value: options.aar }), EXIT_USAGE);
  if (!options.kommune.trim()) throw new BosoreportError(t(lang, 'init/no-kommune'), EXIT_USAGE);

  let from: { data: unknown; file: string; form: Form } | undefined;
  if (options.from) {
    const checked = await check([options.from], ctx, { keep: true });
    const result = checked.files[0]?.result;
    // Last year's report is carried over only when validate would pass it: no error of any check.
    if (checked.exitCode !== EXIT_CLEAN || !result?.schemaValid || !result.form) {
      io.stderr.write(formatStylish(checked.files, { lang, color: await colorFor(io.stderr, io.env), listClean: false }));
      io.stderr.write(`${t(lang, 'init/bad-from', { file: options.from })}\n`);
      return checked.usageFailed ? EXIT_USAGE : EXIT_PROBLEMS;
    }
    from = { data: result.data, file: display(io.cwd, options.from), form: result.form };
  }

  // A form with variants (half-year or annual) needs to know which; the form's own kind is the default.
  const variants = form.variants;
  // --periode on a form that serves one period only would be ignored: say so instead.
  if (!variants && options.periode !== undefined) throw new BosoreportError(t(lang, 'init/one-period', { form: form.id, value: options.periode }), EXIT_USAGE);
  const variant = variants ? (options.periode ?? variants.usual) : undefined;
  if (variants && (!variant || !variants.values[variant])) {
    const known = Object.keys(variants.values);
    throw new BosoreportError(
      t(lang, 'init/bad-variant', { value: options.periode ?? '', known: known.join(', '), suggestion: closest(options.periode ?? '', known) ?? '' }),
      EXIT_USAGE,
    );
  }
  const type = variant ? variants!.values[variant]!.type : form.type;
  const output = options.output ? path.resolve(io.cwd, options.output) : defaultReportPath(io.cwd, options.kommune, aar, type);
  // Editors get the editor copy the build writes to schemas/; a repository's form, its own file.
  const modeline = modelineTarget(output, editorSchemaFile(form), SCHEMA_DIR, io.cwd);
  // The file's own note says how to check it from the repository's root, where a colleague stands.
  const fromRoot = path
    .relative(repositoryRoot(output) ?? io.cwd, output)
    .split(path.sep)
    .join('/');
  const text = skeleton({
    form,
    kommune: options.kommune.trim(),
    aar,
    schemaRef: modeline.ref,
    checkCommand: `npx bosoreport validate ${shellArg(fromRoot)}`,
    ...(variant ? { variant } : {}),
    ...(from ? { from } : {}),
  });
  await makeDirs(path.dirname(output));
  let handle;
  try {
    // 'wx' fails if the file exists: an existing report is never overwritten.
    handle = await open(output, 'wx');
    await handle.writeFile(text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new BosoreportError(t(lang, 'init/exists', { file: display(io.cwd, output) }), EXIT_USAGE);
    throw new BosoreportError(t(lang, 'io/unwritable', { path: display(io.cwd, output), reason: code ?? (error as Error).message }), EXIT_USAGE);
  } finally {
    await handle?.close();
  }
  const shown = display(io.cwd, output);
  io.stdout.write(`${t(lang, 'init/wrote', { file: visible(shown), arg: visible(shellArg(shown)) })}\n`);
  // The modeline is written for the repository as committed; say what makes it work here too.
  if (!modeline.installed) io.stdout.write(`${t(lang, 'init/editor-help', { ref: modeline.ref })}\n`);
  return EXIT_CLEAN;
}

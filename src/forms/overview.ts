import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { parseReport } from '../load/parse.js';
import { words, type Lang } from '../messages/index.js';
import type { OverviewTheme } from '../parts/overview.js';
import { SHARED_FIGURE_KEYS } from '../parts/shared-figures.js';

/**
 * What form.yaml's reader cannot know about `oversikt`: a figure's path must lead to one of the
 * form's own figures. The period and the shared parts show theirs in themes of their own, under one
 * name in every form; a form pointing into them would show the same figure twice, under its own name.
 */
export function overviewProblems(file: string, bytes: Uint8Array, overview: readonly OverviewTheme[], lang: Lang): Diagnostic[] {
  const shared = SHARED_FIGURE_KEYS as readonly unknown[];
  const wrong = overview.flatMap((t, i) => t.figures.flatMap((f, j) => (shared.includes(f.path[0]) ? [{ at: ['oversikt', i, 'tall', j, 'verdi'], value: f.path.join('.') }] : [])));
  if (wrong.length === 0) return [];
  // Read again for the positions, only when there is something to point at.
  const report = parseReport(file, bytes, lang).report!;
  return wrong.map(({ at, value }) => {
    const params = { value, shared: SHARED_FIGURE_KEYS.join(', ') };
    return diagnostic(file, report.spanFor(at, 'value'), 'error', 'form-folder/form-yaml', words(lang, 'form-folder/overview-shared-figure', params));
  });
}

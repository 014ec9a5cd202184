// The peer a developer would write in an afternoon: parse every YAML file below a folder with js-yaml,
// validate it with ajv against the same JSON Schema and the same formats as ajv-cli, print the failures.
// Usage: node bench/peer-script.cjs <schema.json> <folder>
const fs = require('node:fs');
const path = require('node:path');
const Ajv2020 = require('ajv/dist/2020').default;
let parser = 'js-yaml';
let parse;
try {
  parse = require('js-yaml').load;
} catch {
  // js-yaml is a devDependency only; in an install without it the `yaml` package stands in (the benchmark says so).
  [parser, parse] = ['yaml', require('yaml').parse];
}
const [schemaFile, dir] = process.argv.slice(2);
const validate = require('./ajv-formats.cjs')(new Ajv2020({ allErrors: true, strict: false })).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
const files = fs.readdirSync(dir, { recursive: true }).filter((f) => /\.ya?ml$/.test(f));
let invalid = 0;
for (const file of files.map((f) => path.join(dir, f))) {
  let data;
  try {
    data = parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    data = error;
  }
  const errors = data instanceof Error ? [{ instancePath: '', message: data.message.split('\n')[0] }] : validate(data) ? [] : validate.errors;
  if (errors.length) invalid++;
  for (const e of errors) console.log(`${file}: ${e.instancePath || '/'} ${e.message}`);
}
console.log(`${files.length} files, ${invalid} invalid (${parser})`);
process.exitCode = invalid ? 1 : 0;

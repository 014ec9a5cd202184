// Runs the bosoreport CLI in this process and reports its peak memory, so the benchmark can
// measure the real command's RSS without depending on GNU time being installed.
import { createRequire } from 'node:module';

// The bundle, loaded as bin/bosoreport.cjs loads it.
const { main } = createRequire(import.meta.url)('../bin/load-bundle.cjs').loadBundle().exports;

const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;

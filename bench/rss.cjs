// Preloaded into every measured command (`node -r bench/rss.cjs <script> …`), bosoreport and its peers
// alike: when the process exits, its own peak resident set size (getrusage RUSAGE_SELF: every thread of
// this process, none of its children, such as a browser) goes to the file named in BENCH_RSS_FILE, in KiB.
const fs = require('node:fs');

const file = process.env.BENCH_RSS_FILE;
// Not inherited: a forked Node child would otherwise report into the same file.
delete process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));

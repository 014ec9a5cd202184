// The safe reader lives in load/ so that form folders (src/forms) read their files through it too.
export { readReportFile, type ReadOutcome } from '../load/read.js';

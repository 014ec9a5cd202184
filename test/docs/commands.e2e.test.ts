import { docsCommands } from './suite.js';

// The documented commands that print a PDF or start a browser (render --pdf, summary --pdf, doctor).
docsCommands('browser');

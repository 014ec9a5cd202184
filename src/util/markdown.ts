import { visible } from './visible.js';

/**
 * Text in a Markdown table cell: a report's words stay words (no table break, link, image or HTML),
 * and its control and bidi characters are shown as escapes.
 */
export const markdownCell = (text: string) => visible(text.replace(/\s*\n\s*/g, ' ')).replace(/[\\`*_[\]<>|!#]/g, (c) => `\\${c}`);

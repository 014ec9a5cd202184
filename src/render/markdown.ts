import MarkdownIt from 'markdown-it';

/**
 * The Markdown subset free text may use: paragraphs, bullet and numbered lists, emphasis, links.
 * Raw HTML is off, so user text can never inject markup; images are off, so nothing is fetched.
 * markdown-it also refuses javascript:, vbscript: and data: link targets.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false }).disable([
  'image',
  'table',
  'code',
  'fence',
  'heading',
  'lheading',
  'hr',
  'html_block',
  'html_inline',
]);

export function renderMarkdown(text: string): string {
  return md.render(text);
}

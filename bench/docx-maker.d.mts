/** A zip archive of the given files, stored. */
export function zip(files: Record<string, string | Buffer>): Buffer;
/** A .docx whose body is the given WordprocessingML. */
export function docx(body: string): Buffer;
/** A Word paragraph of text, in runs as Word splits them. */
export function para(text: string): string;
/** The body of a Word file laid out as bosoreport's HTML of the report. */
export function wordFromHtml(html: string): string;

/**
 * A path as one argument of a command the user copies: bare when a shell reads it as it is, else in
 * double quotes (read the same by sh, PowerShell and cmd), or single quotes when it holds what
 * double quotes would expand.
 */
export function shellArg(text: string): string {
  if (/^[\p{L}\p{N}_./@%+=:,\\-]+$/u.test(text)) return text;
  if (!/["$`\\!]/.test(text)) return `"${text}"`;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Offsets to one-based line and column, the way `yaml`'s LineCounter counts them (columns in UTF-16
 * code units from 1), so both readers give the same positions.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  linePos(offset: number): { line: number; col: number } {
    const starts = this.starts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (starts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - starts[low - 1]! + 1 };
  }

  /** The other way: a one-based line and column (UTF-16 units) to an offset, or -1 past the end. */
  offsetOf(line: number, col: number): number {
    const start = this.starts[line - 1];
    return start === undefined ? -1 : start + col - 1;
  }
}

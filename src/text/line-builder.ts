/**
 * A large text collected line by line, as an array of lines joined at the
 * end would be, but joined every few thousand lines into one flat string.
 *
 * Why: the writers of large texts (the drafts' XML, openapi.yaml) make each
 * line from several pieces. Kept in one array until the end, every line
 * (and its pieces) outlives the young generation's collections, which copy
 * it and then promote it to the old generation: at 50× that was a quarter
 * of the time spent serializing the drafts and writing openapi.yaml. Joined
 * in chunks, a line dies soon after it is made, and what lives on is a few
 * flat strings of ~100 KB.
 */

/** Where a writer puts lines: a LineBuilder, or a plain array (lines kept to be reused). */
export interface LineSink {
  push(line: string): void;
}

export class LineBuilder implements LineSink {
  private lines: string[] = [];
  private readonly chunks: string[] = [];

  /** `linesPerChunk` only changes where the text is cut while it is built, never the text. */
  constructor(private readonly linesPerChunk = 2048) {}

  push(line: string): void {
    if (this.lines.push(line) >= this.linesPerChunk) {
      this.chunks.push(this.lines.join('\n'));
      this.lines = [];
    }
  }

  /** The lines pushed so far, separated by "\n" (as `lines.join('\n')`). */
  join(): string {
    if (this.lines.length) {
      this.chunks.push(this.lines.join('\n'));
      this.lines = [];
    }
    // No chunk means no line (a chunk of one empty line is the text '' too, but is a line).
    if (!this.chunks.length) return '';
    const text = this.chunks.length === 1 ? this.chunks[0]! : this.chunks.join('\n');
    // Later pushes continue the same text.
    this.chunks.length = 0;
    this.chunks.push(text);
    return text;
  }
}

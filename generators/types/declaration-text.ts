/**
 * index.d.ts as a sequence of pieces: text from the ts-morph writer, and
 * declarations written earlier and remembered. ts-morph's CodeBlockWriter
 * examines every character it is given, so handing it a remembered
 * declaration would cost as much as writing it; the pieces are instead
 * joined as the one writer would have joined them: a declaration begins
 * with `blankLineIfLastNot()`, so it is preceded by a blank line unless the
 * text before it already ends in one.
 */
import type { CodeBlockWriter } from 'ts-morph';

/** A complete, non-blank line: what a declaration is written after when it is remembered. */
const PRIMER = 'x\n';

export class DeclarationText {
  private readonly parts: string[] = [];
  private current: CodeBlockWriter;
  /** Whether `current` starts with PRIMER (every writer but the first). */
  private primed = false;
  /** The last characters of the text so far (enough to tell a blank last line). */
  private tail = '';

  constructor(private readonly createWriter: () => CodeBlockWriter) {
    this.current = createWriter();
  }

  /** The writer for what comes next. */
  get writer(): CodeBlockWriter {
    return this.current;
  }

  /**
   * The text `write` gives for top-level declarations that each begin with
   * `blankLineIfLastNot()` and end with a newline, as written after a
   * complete line that is not blank (it begins with that blank line).
   */
  declarations(write: (w: CodeBlockWriter) => void): string {
    const w = this.createWriter();
    w.write(PRIMER);
    write(w);
    return w.toString().slice(PRIMER.length);
  }

  /** Appends text from `declarations` where the writer stands now. */
  append(declarations: string): void {
    this.flush();
    let text = declarations;
    if (text.startsWith('\n')) {
      // The blank line it begins with, as blankLineIfLastNot() would write it after the text so far.
      if (this.tail.endsWith('\n\n')) text = text.slice(1);
      else if (!this.tail.endsWith('\n')) text = `\n${text}`;
    }
    this.push(text);
    this.current = this.createWriter();
    this.current.write(PRIMER);
    this.primed = true;
  }

  private push(text: string): void {
    if (!text) return;
    this.parts.push(text);
    this.tail = (this.tail + text).slice(-2);
  }

  private flush(): void {
    const text = this.current.toString();
    this.push(this.primed ? text.slice(PRIMER.length) : text);
  }

  /** The whole text; nothing may be written after. */
  finish(): string {
    this.flush();
    return this.parts.join('');
  }
}

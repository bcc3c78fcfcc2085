/**
 * `mxspec diff FROM TO`: compares two editions or revisions with the diff
 * engine (src/diff/) and prints the report in one of five formats.
 */
import { Option, type Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Io } from '../main.js';
import { printDiagnostics, UsageError } from '../main.js';
import { resolveSpecDir } from '../spec-dir.js';
import { compile } from '../../build/pipeline.js';
import { diffModels } from '../../diff/diff.js';
import { DIFF_RULES } from '../../diff/rules/index.js';
import { OperandError, resolveOperand, type ResolvedOperand } from '../../diff/operands.js';
import { atLeast, summarize } from '../../diff/summary.js';
import type { DiffResult, Severity } from '../../diff/types.js';
import type { EditionModel } from '../../ir/types.js';
import { renderGithub } from '../../../generators/diff/github.js';
import { renderHtml } from '../../../generators/diff/html.js';
import { renderJson } from '../../../generators/diff/json.js';
import { renderMarkdown } from '../../../generators/diff/markdown.js';
import { renderText } from '../../../generators/diff/text.js';

const FORMATS = ['md', 'json', 'html', 'text', 'github'] as const;
const SEVERITY_CHOICES = ['breaking', 'warning', 'info'];

interface DiffOpts {
  format: (typeof FORMATS)[number];
  failOn?: Severity;
  failOnUntracked?: Severity;
  output?: string;
  spec?: string;
  listRules?: boolean;
}

function listRules(): string {
  const lines = DIFF_RULES.map((r) => `${r.id.padEnd(40)} ${r.severity.padEnd(8)} ${r.direction.padEnd(8)} ${r.site.padEnd(17)} ${r.description}`);
  return `${['rule'.padEnd(40), 'severity'.padEnd(8), 'dir'.padEnd(8), 'site'.padEnd(17), 'description'].join(' ')}\n${lines.join('\n')}\n`;
}

export function render(d: DiffResult, format: DiffOpts['format'], githubPrefix: string): string {
  switch (format) {
    case 'md': return renderMarkdown(d);
    case 'json': return renderJson(d);
    case 'html': return renderHtml(d);
    case 'github': return renderGithub(d, githubPrefix);
    default: return renderText(d);
  }
}

export function registerDiff(program: Command, io: Io, setExit: (c: number) => void): void {
  program
    .command('diff')
    .description('compare two editions or revisions: FROM and TO are an edition, REV:edition (git revision) or DIR:edition (another spec tree)')
    .argument('[from]', 'edition, REV:edition or DIR:edition')
    .argument('[to]', 'edition, REV:edition or DIR:edition')
    .addOption(new Option('--format <format>', 'report format').choices([...FORMATS]).default('text'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 if any change is at least this severe').choices(SEVERITY_CHOICES))
    .addOption(new Option('--fail-on-untracked <severity>', 'exit 1 if a change at least this severe has no port record').choices(SEVERITY_CHOICES))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--spec <dir>', 'spec folder (default: ./spec, else the shipped spec); also where REV: revisions are read from')
    .option('--list-rules', 'print the diff rule registry')
    .action(async (from: string | undefined, to: string | undefined, opts: DiffOpts) => {
      if (opts.listRules) {
        io.out(listRules());
        return;
      }
      if (!from || !to) throw new UsageError('mxspec diff needs FROM and TO (e.g. mxspec diff ietf matrix-org)');
      const specDir = resolveSpecDir(opts.spec);
      const operands: ResolvedOperand[] = [];
      try {
        try {
          operands.push(resolveOperand(from, specDir), resolveOperand(to, specDir));
        } catch (e) {
          if (e instanceof OperandError) {
            io.err(`mxspec diff - error ${e.code}: ${e.message}\n`);
            setExit(e.code === 'MX8001' ? 2 : 1);
            return;
          }
          throw e;
        }
        const models: EditionModel[] = [];
        const compiled = new Map<string, Awaited<ReturnType<typeof compile>>>();
        for (const op of operands) {
          const key = path.resolve(op.specDir);
          let result = compiled.get(key);
          if (!result) {
            result = await compile(op.specDir, { checkOnly: true });
            compiled.set(key, result);
          }
          if (!result.models || result.diagnostics.hasErrors()) {
            printDiagnostics(io, result.diagnostics.sorted().filter((d) => d.severity === 'error'), 'text', op.specDir);
            io.err(`mxspec diff - error MX8004: the spec of ${op.label} has errors; fix them before diffing\n`);
            setExit(1);
            return;
          }
          models.push(result.models[op.edition]);
        }
        const d = diffModels(models[0]!, models[1]!, { fromLabel: operands[0]!.label, toLabel: operands[1]!.label });
        const toDir = operands[1]!.kind === 'rev' ? specDir : operands[1]!.specDir;
        const prefix = path.relative(process.cwd(), path.resolve(toDir)).split(path.sep).join('/');
        const text = render(d, opts.format, prefix);
        if (opts.output) {
          mkdirSync(path.dirname(path.resolve(opts.output)), { recursive: true });
          writeFileSync(opts.output, text);
        } else io.out(text);
        const s = summarize(d);
        let code = 0;
        if (s.unclassified) {
          io.err(`mxspec diff - error MX8003: ${s.unclassified} difference(s) no diff rule classifies (rule "unclassified"); this is a bug in mxspec's rule registry\n`);
          code = 1;
        }
        if (opts.failOn) {
          const n = d.changes.filter((c) => atLeast(c.severity, opts.failOn!)).length;
          if (n) {
            io.err(`mxspec diff - error MX8005: ${n} change(s) at or above ${opts.failOn} (--fail-on ${opts.failOn})\n`);
            code = 1;
          }
        }
        if (opts.failOnUntracked) {
          const n = d.changes.filter((c) => c.port === 'untracked' && atLeast(c.severity, opts.failOnUntracked!)).length;
          if (n) {
            io.err(`mxspec diff - error MX8005: ${n} untracked change(s) at or above ${opts.failOnUntracked} have no port record (--fail-on-untracked ${opts.failOnUntracked}); add port: {origin, status} to the diverging element\n`);
            code = 1;
          }
        }
        setExit(code);
      } finally {
        for (const op of operands) op.cleanup();
      }
    });
}

/**
 * Reads the V8 CPU profiles a `node --cpu-prof` run leaves (one per thread)
 * and says where each thread's time went: busy, idle and garbage
 * collection; self time by function; time by the nearest mxspec function on
 * the stack (what our code was doing, whatever library it had called); and
 * a timeline of the busiest of those per time bucket, on the clock all the
 * process's threads share. docs/benchmarks.md's "Where the time goes"
 * comes from this (scripts/bench/profile-build.ts runs it on a build).
 *
 * A profile is a call tree (`nodes`) and a list of samples (`samples`,
 * with `timeDeltas` in microseconds, each from the sample before). A sample
 * stands for the time until the next one.
 */

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber?: number;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds, on a clock shared by the threads of one process. */
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Ranked {
  label: string;
  ms: number;
}

export interface TimelineBucket {
  /** Start of the bucket, in ms from the origin given. */
  fromMs: number;
  busyMs: number;
  gcMs: number;
  /** The nearest mxspec functions that took most of the bucket's busy time (at most two). */
  top: Ranked[];
}

export interface ThreadSummary {
  /** Start and end in ms from the origin given (the main thread's start by default). */
  fromMs: number;
  toMs: number;
  busyMs: number;
  idleMs: number;
  gcMs: number;
  /** Self time by function: `name (place)`, the place a package, a Node module or one of our files. */
  self: Ranked[];
  /** Busy time by the nearest of our functions on the stack; `(outside mxspec)` when there is none. */
  own: Ranked[];
  timeline: TimelineBucket[];
}

export interface SummaryOptions {
  /** Where our compiled code lives: a frame is ours when its URL contains this and not node_modules. */
  ownMarker?: string;
  /** Microseconds to count time from (another thread's startTime, to share its clock). */
  originUs?: number;
  bucketMs?: number;
  top?: number;
}

const IDLE = '(idle)';
const GC = '(garbage collector)';

/** Where a frame's code comes from: a package, a Node module, one of our files, or nothing (V8 itself). */
export function placeOf(url: string, ownMarker = '/dist/'): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = url.indexOf(ownMarker);
  if (own >= 0) return url.slice(own + ownMarker.length);
  return url.replace(/^file:\/\//, '');
}

function isOwn(url: string, ownMarker: string): boolean {
  return url.includes(ownMarker) && !url.includes('node_modules/');
}

function frameLabel(f: CallFrame, ownMarker: string): string {
  const name = f.functionName || '(anonymous)';
  const place = placeOf(f.url, ownMarker);
  return place ? `${name} (${place}${isOwn(f.url, ownMarker) ? `:${f.lineNumber + 1}` : ''})` : name;
}

function ranked(totals: Map<string, number>, top: number): Ranked[] {
  return [...totals]
    .map(([label, us]) => ({ label, ms: us / 1000 }))
    .sort((a, b) => b.ms - a.ms || (a.label < b.label ? -1 : 1))
    .slice(0, top);
}

function add(totals: Map<string, number>, key: string, us: number): void {
  totals.set(key, (totals.get(key) ?? 0) + us);
}

export function summarizeProfile(profile: CpuProfile, opts: SummaryOptions = {}): ThreadSummary {
  const ownMarker = opts.ownMarker ?? '/dist/';
  const origin = opts.originUs ?? profile.startTime;
  const bucketUs = (opts.bucketMs ?? 100) * 1000;
  const top = opts.top ?? 15;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  // The nearest of our frames for each node, found once per node rather than once per sample.
  const nearestOwn = new Map<number, string>();
  const ownOf = (id: number): string => {
    const known = nearestOwn.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    const p = parent.get(id);
    const label = isOwn(n.callFrame.url, ownMarker) ? frameLabel(n.callFrame, ownMarker) : p === undefined ? '(outside mxspec)' : ownOf(p);
    nearestOwn.set(id, label);
    return label;
  };

  const self = new Map<string, number>();
  const own = new Map<string, number>();
  const buckets = new Map<number, { busy: number; gc: number; own: Map<string, number> }>();
  let busy = 0;
  let idle = 0;
  let gc = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const next = i + 1 < profile.samples.length ? t + (profile.timeDeltas[i + 1] ?? 0) : profile.endTime;
    const us = Math.max(0, next - t);
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    const name = node.callFrame.functionName;
    if (name === IDLE) {
      idle += us;
      continue;
    }
    busy += us;
    const b = Math.floor((t - origin) / bucketUs);
    let bucket = buckets.get(b);
    if (!bucket) buckets.set(b, (bucket = { busy: 0, gc: 0, own: new Map() }));
    bucket.busy += us;
    if (name === GC) {
      gc += us;
      bucket.gc += us;
      add(self, GC, us);
      continue;
    }
    add(self, frameLabel(node.callFrame, ownMarker), us);
    const o = ownOf(node.id);
    add(own, o, us);
    add(bucket.own, o, us);
  }
  // Every bucket from the thread's start to its end, the idle ones too: a gap is what a timeline is read for.
  const timeline: TimelineBucket[] = [];
  const last = Math.floor((profile.endTime - origin - 1) / bucketUs);
  for (let b = Math.floor((profile.startTime - origin) / bucketUs); b <= last; b++) {
    const x = buckets.get(b);
    timeline.push({ fromMs: (b * bucketUs) / 1000, busyMs: (x?.busy ?? 0) / 1000, gcMs: (x?.gc ?? 0) / 1000, top: x ? ranked(x.own, 2) : [] });
  }
  return {
    fromMs: (profile.startTime - origin) / 1000,
    toMs: (profile.endTime - origin) / 1000,
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    gcMs: gc / 1000,
    self: ranked(self, top),
    own: ranked(own, top),
    timeline,
  };
}

/** What a thread was, from the code it ran: the types worker, the YAML worker, or the main thread. */
export function threadRole(profile: CpuProfile, isMain: boolean): string {
  if (isMain) return 'main thread';
  const urls = new Set(profile.nodes.map((n) => n.callFrame.url));
  const has = (suffix: string): boolean => [...urls].some((u) => u.endsWith(suffix));
  // The worker runs from its bundle (dist/types-worker.cjs), or from the module files without one.
  if (has('types-worker.cjs') || has('generators/types/worker.js')) return 'types worker';
  if (has('src/load/yaml-worker.js')) return 'YAML worker';
  return 'worker';
}

const ms = (x: number): string => `${Math.round(x)} ms`;

/** A thread's summary as text (docs/benchmarks.md quotes it). */
export function formatSummary(role: string, s: ThreadSummary): string {
  const lines = [
    `${role}: ${ms(s.fromMs)}–${ms(s.toMs)}; busy ${ms(s.busyMs)} (garbage collection ${ms(s.gcMs)}), idle ${ms(s.idleMs)}`,
    '  self time:',
    ...s.self.map((r) => `    ${ms(r.ms).padStart(8)}  ${r.label}`),
    '  by the nearest mxspec function on the stack:',
    ...s.own.map((r) => `    ${ms(r.ms).padStart(8)}  ${r.label}`),
    '  timeline (busy, of which garbage collection; what ran most):',
    ...s.timeline.map((b) => `    ${ms(b.fromMs).padStart(8)}  ${ms(b.busyMs).padStart(6)} (${ms(b.gcMs)})  ${b.top.map((r) => `${r.label} ${ms(r.ms)}`).join(' | ')}`),
  ];
  return lines.join('\n');
}

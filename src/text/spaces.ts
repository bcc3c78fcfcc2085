/**
 * Runs of spaces for indentation, made once per width: the writers of large
 * texts (openapi.yaml, the drafts' XML) indent every line, and a new string
 * per line was garbage at scale.
 */
const made: string[] = [];

export function spaces(width: number): string {
  return (made[width] ??= ' '.repeat(width));
}

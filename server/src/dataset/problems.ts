/** What is wrong with a dataset file, and where: every problem found, reported together. */
export interface DatasetProblem {
  file: string;
  /** Where in the document, as `positions[3].issue`. */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export function formatProblem(p: DatasetProblem): string {
  const at = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${at}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

export class DatasetError extends Error {
  override name = 'DatasetError';
  constructor(readonly problems: DatasetProblem[]) {
    const file = problems[0]?.file ?? 'dataset';
    super(
      `${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was loaded:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
  }
}

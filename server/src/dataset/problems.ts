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

/** Problems listed in a message; a file with more (a wrong file, say) has the rest counted. */
const LISTED = 50;

export class DatasetError extends Error {
  override name = 'DatasetError';
  constructor(readonly problems: DatasetProblem[]) {
    const file = problems[0]?.file ?? 'dataset';
    const more = problems.length - LISTED;
    super(
      `${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was loaded:\n` +
        problems
          .slice(0, LISTED)
          .map((p) => `  ${formatProblem(p)}`)
          .join('\n') +
        (more > 0 ? `\n  … and ${more} more` : ''),
    );
  }
}

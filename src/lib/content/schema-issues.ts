import type { z } from 'astro/zod';

/** One problem with one field of one file, phrased for the person who can fix it. */
export interface FieldProblem {
  file: string;
  field: string;
  message: string;
}

/** Turns Zod issues into messages that name the field and say what was expected. */
export function problemsFromZod(file: string, error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(front matter)';
    return { file, field, message: describeIssue(issue) };
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `is required but missing (expected ${issue.expected})`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

export function formatProblem(problem: FieldProblem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}

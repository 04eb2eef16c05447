/** "1 article", "2 articles": a count with its noun, never "1 articles" or "1 days". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

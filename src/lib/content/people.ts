/** "Dr. Rowan Example, MD, FASAM": the name as a byline prints it. */
export function nameWithCredentials(person: { name: string; credentials: readonly string[] }): string {
  return [person.name, ...person.credentials].join(', ');
}

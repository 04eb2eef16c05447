// How a substance id is shown as a search filter ("benzodiazepines" → "Benzodiazepines",
// "muscle-relaxants" → "Muscle relaxants"): written by the article page, offered by /search/.
export const substanceLabel = (id: string): string => (id[0]?.toUpperCase() ?? '') + id.slice(1).replace(/-/g, ' ');

/**
 * The fixed list of article categories. Developers change this list (it shapes URLs
 * and navigation); editors pick from it. `medical` pages must cite sources; a future
 * category for, say, site news would set it to false.
 */
export const CATEGORIES = {
  substances: {
    medical: true,
    label: 'Substances',
    description: 'What a medicine or drug is, how it works, and the risks of misuse and overdose.',
  },
  withdrawal: {
    medical: true,
    label: 'Withdrawal',
    description: 'What stopping a substance feels like, how long it lasts, and how to do it safely.',
  },
  treatment: {
    medical: true,
    label: 'Treatment',
    description: 'Detox, medicines and therapies, and how to choose where to get help.',
  },
  recovery: {
    medical: true,
    label: 'Recovery',
    description: 'Staying well after treatment: support groups, peer support and relapse prevention.',
  },
} as const;

export type CategoryId = keyof typeof CATEGORIES;

export const CATEGORY_IDS = Object.keys(CATEGORIES) as [CategoryId, ...CategoryId[]];

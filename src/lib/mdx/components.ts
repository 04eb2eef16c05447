/**
 * The components editors may use in MDX, and what their attributes may hold. The CMS
 * offers exactly these (admin/), the article page passes exactly these to MDX, and the
 * MDX safety check rejects anything else.
 */
export const CALLOUT_LEVELS = {
  'non-urgent': { label: 'Non-urgent advice' },
  urgent: { label: 'Urgent advice' },
  emergency: { label: 'Emergency' },
} as const;

export type CalloutLevel = keyof typeof CALLOUT_LEVELS;

export const MDX_COMPONENTS = {
  Callout: {
    attributes: { level: Object.keys(CALLOUT_LEVELS), title: 'text' },
    required: ['level', 'title'],
    children: true,
  },
  HelplineBox: { attributes: {}, required: [], children: false },
} as const;

// The link-preview picture of one article, as SVG: title, topic and "Medically reviewed by …", in
// the default card's colours. Pure: src/lib/io/share-card-png.ts turns it into the PNG that
// platforms accept, cached by the hash of this text.
import type { ArticleRecord } from '../content/article-record.ts';

export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 630;

const FONT = 'DejaVu Sans, Arial, sans-serif';
/** An average glyph is about this share of the font size wide in DejaVu Sans bold. */
const AVERAGE_GLYPH = 0.6;

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** Breaks text into at most `maxLines` lines of about `maxChars`, ending the last one with "…" if cut. */
export function wrapWords(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      // Words are left over: the last line says so.
      lines[maxLines - 1] = `${lines[maxLines - 1].replace(/[\s,.;:–-]+$/, '')}…`;
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
}

export interface ShareCardInput {
  siteName: string;
  article: Pick<ArticleRecord, 'title' | 'category'> & {
    reviewer: Pick<ArticleRecord['reviewer'], 'displayName' | 'sample'>;
  };
}

export function shareCardSvg({ siteName, article }: ShareCardInput): string {
  const titleSize = article.title.length > 60 ? 56 : 64;
  const titleLines = wrapWords(article.title, Math.floor(1040 / (titleSize * AVERAGE_GLYPH)), 4);
  const titleTop = 200;
  const lineHeight = Math.round(titleSize * 1.2);
  const reviewed = `Medically reviewed by ${article.reviewer.displayName}`;
  const text = (x: number, y: number, size: number, weight: number, fill: string, content: string) =>
    `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(content)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}" viewBox="0 0 ${SHARE_CARD_WIDTH} ${SHARE_CARD_HEIGHT}">`,
    `<rect width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}" fill="#00563f"/>`,
    '<path d="M0 540 Q320 500 640 540 T1200 530 V630 H0Z" fill="#0b7a5a"/>',
    text(80, 110, 30, 700, '#f5d39b', article.category.label.toUpperCase()),
    ...titleLines.map((line, index) => text(80, titleTop + index * lineHeight, titleSize, 700, '#ffffff', line)),
    text(80, 460, 28, 400, '#ffffff', `✓ ${wrapWords(reviewed, 64, 1)[0]}`),
    // A sample reviewer is labelled wherever they are named, the card included.
    ...(article.reviewer.sample
      ? [text(80, 500, 24, 400, '#f5d39b', 'Fictional sample reviewer: this kit’s example content')]
      : []),
    text(80, 600, 28, 700, '#ffffff', siteName),
    '</svg>',
  ].join('');
}

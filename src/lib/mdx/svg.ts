/**
 * An SVG file is a document, not only a picture: opened on its own, its scripts, event
 * handlers and links run with this site's origin. Editors' SVG pictures may hold only drawing:
 * the elements and attributes listed here, links only to parts of the same file (`#id`), and
 * no `url(…)` outside the file. Everything else is refused (an allow-list, like MDX's).
 */
const ELEMENTS = new Set(
  [
    'svg',
    'g',
    'defs',
    'title',
    'desc',
    'symbol',
    'use',
    'path',
    'rect',
    'circle',
    'ellipse',
    'line',
    'polyline',
    'polygon',
    'text',
    'tspan',
    'lineargradient',
    'radialgradient',
    'stop',
    'clippath',
    'mask',
    'pattern',
    'marker',
  ].map((name) => name.toLowerCase()),
);

const ATTRIBUTES = new Set([
  'xmlns',
  'xmlns:xlink',
  'version',
  'id',
  'class',
  'role',
  'viewbox',
  'preserveaspectratio',
  'width',
  'height',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'fx',
  'fy',
  'd',
  'points',
  'transform',
  'fill',
  'fill-opacity',
  'fill-rule',
  'clip-rule',
  'clip-path',
  'mask',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-miterlimit',
  'opacity',
  'offset',
  'stop-color',
  'stop-opacity',
  'gradientunits',
  'gradienttransform',
  'spreadmethod',
  'patternunits',
  'patterncontentunits',
  'patterntransform',
  'clippathunits',
  'maskunits',
  'maskcontentunits',
  'markerwidth',
  'markerheight',
  'markerunits',
  'refx',
  'refy',
  'orient',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'dx',
  'dy',
  'visibility',
  'display',
  'href',
  'xlink:href',
  'focusable',
  'xml:space',
  'lang',
  'xml:lang',
]);

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Why an SVG file is more than a drawing (with its line), or undefined when it is only one. */
export function svgProblem(text: string): string | undefined {
  const declaration = /<!(?:DOCTYPE|ENTITY)|<\?xml-stylesheet|<!\[CDATA\[/i.exec(text);
  if (declaration)
    return `line ${lineOf(text, declaration.index)}: DOCTYPE, entities, stylesheets and CDATA are not allowed in a picture`;
  const tags = /<\s*\/?\s*([A-Za-z][\w:.-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
  for (let tag = tags.exec(text); tag; tag = tags.exec(text)) {
    const line = lineOf(text, tag.index);
    const name = tag[1].toLowerCase().replace(/^svg:/, '');
    if (!ELEMENTS.has(name)) return `line ${line}: <${tag[1]}> is not allowed in a picture (only drawing elements)`;
    const attributes = /([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
    for (let attribute = attributes.exec(tag[2]); attribute; attribute = attributes.exec(tag[2])) {
      const attrName = attribute[1].toLowerCase();
      const value = (attribute[2] ?? '').replace(/^["']|["']$/g, '');
      if (!ATTRIBUTES.has(attrName) && !/^aria-[a-z]+$/.test(attrName)) {
        return `line ${line}: the attribute ${attribute[1]} on <${tag[1]}> is not allowed in a picture`;
      }
      if ((attrName === 'href' || attrName === 'xlink:href') && !/^#[\w.-]+$/.test(value)) {
        return `line ${line}: <${tag[1]} ${attribute[1]}="${value.slice(0, 30)}"> may only point inside the picture (#id)`;
      }
      if (/url\s*\(\s*(?!['"]?#)/i.test(value) || /&|javascript:|data:/i.test(value)) {
        return `line ${line}: <${tag[1]} ${attribute[1]}> may not refer to another file or address`;
      }
    }
  }
  return undefined;
}

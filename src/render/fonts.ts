import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The one type family every page is set in, embedded in the page itself: Arimo (metrics of Arial,
 * which Husbanken's Word forms use), from the @fontsource/arimo package. Embedded rather than linked,
 * so the HTML stays one offline file and the PDF looks the same on Windows, macOS and Linux.
 */
export const FONT_FAMILY = 'Arimo';

/** Where the stylesheet's fonts go; a head partial of one's own without it gets them before </head>. */
export const FONT_MARKER = '/* bosoreport:skrifter */';

interface Subset {
  name: string;
  range: string;
  /** Whether a page needs this subset at all. */
  needed: (html: string) => boolean;
}

// Unicode ranges as @fontsource declares them. Latin covers Norwegian; latin-ext (Sámi č đ ŋ š ŧ ž,
// among others) is four times larger, so it is only embedded in a page that uses one of its letters.
const SUBSETS: readonly Subset[] = [
  {
    name: 'latin',
    range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
    needed: () => true,
  },
  {
    name: 'latin-ext',
    range:
      'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
    needed: (html) => /[\u0100-\u0130\u0132-\u0151\u0154-\u02BA\u1D00-\u1DBF\u1E00-\u1EFF\u2C60-\u2C7F\uA720-\uA7FF]/.test(html),
  },
];

const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'normal' },
  { weight: 700, style: 'italic' },
] as const;

let filesDir: string | undefined;
const cache = new Map<string, string>();

function fontFile(subset: string, weight: number, style: string): string {
  filesDir ??= path.join(path.dirname(createRequire(import.meta.url).resolve('@fontsource/arimo')), 'files');
  const file = path.join(filesDir, `arimo-${subset}-${weight}-${style}.woff2`);
  let data = cache.get(file);
  if (data === undefined) {
    data = readFileSync(file).toString('base64');
    cache.set(file, data);
  }
  return data;
}

/** The @font-face rules a page needs, with the font data inline. */
export function fontFaces(html: string): string {
  const rules: string[] = [];
  for (const subset of SUBSETS) {
    if (!subset.needed(html)) continue;
    for (const { weight, style } of FACES) {
      rules.push(
        `@font-face { font-family: '${FONT_FAMILY}'; font-style: ${style}; font-weight: ${weight}; font-display: block; ` +
          `src: url(data:font/woff2;base64,${fontFile(subset.name, weight, style)}) format('woff2'); unicode-range: ${subset.range}; }`,
      );
    }
  }
  return rules.join('\n');
}

/** Puts the fonts into a rendered page: at the marker in its stylesheet, or in a style element of their own. */
export function embedFonts(html: string): string {
  const faces = fontFaces(html);
  const at = html.indexOf(FONT_MARKER);
  if (at >= 0) return html.slice(0, at) + faces + html.slice(at + FONT_MARKER.length);
  const head = html.search(/<\/head>/i);
  return head < 0 ? html : `${html.slice(0, head)}<style>\n${faces}\n</style>\n${html.slice(head)}`;
}

/**
 * Quantities in Chinese text: finding them, reading one phrase into a figure, and the value a
 * figure stands for once its magnitude (万, 亿) is applied.
 */
import type { Figure } from '../model/schema.ts';
import { MAGNITUDES, type Magnitude, type Qualifier } from '../model/figure-words.ts';

/**
 * Counting words that may follow a number, longest first so that `人次` wins over `人`.
 * A number followed by none of them and by no magnitude (a year, a month, a day) is no figure.
 */
export const UNITS = ['人次', '部委', '周年', '人', '户', '元', '条', '次', '个', '项', '家', '名', '场', '省', '%'] as const;

const FIGURE = new RegExp(
  // Not inside a longer number (9条 in 29条), not an ordinal (第3批).
  '(?<![\\d.第])' +
    '(?<qualifier>近|超过|超|不少于)?' +
    '(?<value>\\d+(?:\\.\\d+)?)' +
    '(?<magnitude>[万亿])?' +
    '(?<more>余)?' +
    `(?<unit>${UNITS.join('|')})?` +
    '(?<about>左右)?',
  'gu',
);

export interface FoundFigure extends Figure {
  /** Offset of the phrase in the text searched. */
  index: number;
}

function figureFromMatch(match: RegExpExecArray): FoundFigure | undefined {
  const g = match.groups!;
  if (!g.magnitude && !g.unit) return undefined;
  const qualifier = (g.qualifier ?? (g.more ? '余' : g.about ? '左右' : undefined)) as Qualifier | undefined;
  const figure: FoundFigure = {
    phrase: match[0],
    value: Number(g.value),
    unit: g.unit ?? '',
    index: match.index,
  };
  if (g.magnitude) figure.magnitude = g.magnitude as Magnitude;
  if (qualifier) figure.qualifier = qualifier;
  return figure;
}

/** Every quantity in a text, in order. */
export function findFigures(text: string): FoundFigure[] {
  const found: FoundFigure[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const figure = figureFromMatch(match);
    if (figure) found.push(figure);
  }
  return found;
}

/** Reads one phrase (`超过1.2亿人`) as a figure; undefined when the phrase is not exactly one quantity. */
export function readFigurePhrase(phrase: string): FoundFigure | undefined {
  const [only, ...rest] = findFigures(phrase);
  if (!only || rest.length || only.phrase !== phrase) return undefined;
  return only;
}

/** The value a figure stands for: `1.2` with `亿` is 120 000 000. Exact for decimal input. */
export function normalisedValue(figure: Pick<Figure, 'value' | 'magnitude'>): number {
  const power = figure.magnitude ? MAGNITUDES[figure.magnitude] : 0;
  const [whole, fraction = ''] = String(figure.value).split('.');
  // Shift the decimal point in the digits rather than multiply in binary floating point,
  // which would turn 1339.11万 into 13391099.999999998.
  const digits = whole + fraction.padEnd(power, '0');
  const point = whole.length + power;
  return Number(`${digits.slice(0, point)}.${digits.slice(point) || '0'}`);
}

const exact = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });
// The report writes `4059万元`, not `4,059万元`: no grouping in front of a magnitude word.
const asWritten = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6, useGrouping: false });

/** `120,000,000` for 1.2亿: the exact value, grouped the way a reader checks it. */
export function formatExact(figure: Pick<Figure, 'value' | 'magnitude'>): string {
  return exact.format(normalisedValue(figure));
}

/** `1.2亿` — the figure the way the report writes it: value and magnitude, no qualifier or unit. */
export function formatAsWritten(figure: Pick<Figure, 'value' | 'magnitude'>): string {
  return `${asWritten.format(figure.value)}${figure.magnitude ?? ''}`;
}

/** Qualifiers the report writes after the number (`150余条`, `100个左右`); the others come before it. */
const QUALIFIERS_AFTER = new Set(['余', '左右']);

/** `value` with the figure's qualifier where the report puts it: before (`超过`, `近`) or after (`余`, `左右`). */
function qualified(figure: Pick<Figure, 'qualifier'>, value: string): string {
  const q = figure.qualifier ?? '';
  return QUALIFIERS_AFTER.has(q) ? `${value}${q}` : `${q}${value}`;
}

/** `近630万次`, `150余条`: the figure with its qualifier where the report puts it, and its unit. */
export function formatWithQualifier(figure: Pick<Figure, 'value' | 'magnitude' | 'qualifier' | 'unit'>): string {
  return `${qualified(figure, formatAsWritten(figure))}${figure.unit}`;
}

/**
 * `超过120,000,000` for 超过1.2亿, `10余` for 10余省: the value in digits, never without the
 * qualifier that keeps an approximate figure from reading as an exact count.
 */
export function formatConverted(figure: Pick<Figure, 'value' | 'magnitude' | 'qualifier'>): string {
  return qualified(figure, formatExact(figure));
}

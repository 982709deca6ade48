/** Which drawing a phone gets: the size of a drawing's labels on a screen, and the top-down drawing of a flowchart. */
import { describe, expect, it } from 'vitest';
import { drawingSize, labelPxIn, PHONE_COLUMN_PX, readableIn, readableWidth } from '../../../../src/pure/diagrams/drawing-size.ts';
import { topDown } from '../../../../src/pure/diagrams/top-down.ts';

const svg = (width: number, fontSize = 15) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="100%" style="font-family:sans-serif;font-size:${fontSize}px;fill:#0b0c0c;max-width:${width}px" viewBox="0 0 ${width} 201"><text>标签</text></svg>`;

describe('drawingSize and readableIn', () => {
  it('read the drawing’s width and label size, and scale the labels to a column as the page does', () => {
    const home = drawingSize(svg(751.06));
    expect(home).toEqual({ width: 751.06, labelPx: 15 });
    // The home page's structure, before: 6.5 px on a 360 px phone.
    expect(labelPxIn(home, PHONE_COLUMN_PX)).toBeCloseTo(6.55, 2);
    expect(readableIn(home, PHONE_COLUMN_PX)).toBe(false);
    // A drawing narrower than the column is shown at its own size, never enlarged.
    expect(labelPxIn(drawingSize(svg(200)), PHONE_COLUMN_PX)).toBe(15);
    expect(readableIn(drawingSize(svg(410)), PHONE_COLUMN_PX)).toBe(true);
    expect(readableIn(drawingSize(svg(411)), PHONE_COLUMN_PX)).toBe(false);
    expect(readableWidth(home)).toBe(601);
  });

  it('refuses what is not a mermaid drawing', () => {
    expect(() => drawingSize('<svg></svg>')).toThrow(/not a mermaid drawing/);
  });
});

describe('topDown', () => {
  it('draws a flowchart laid out across top-down instead, the rest unchanged', () => {
    expect(topDown('flowchart LR\n  a --> b')).toBe('flowchart TB\n  a --> b');
    expect(topDown('%% 说明\n\ngraph RL;\n  a --> b')).toBe('%% 说明\n\ngraph TB;\n  a --> b');
  });

  it('leaves every other diagram alone', () => {
    expect(topDown('flowchart TD\n  a --> b')).toBeUndefined();
    expect(topDown('sequenceDiagram\n  A->>B: hi')).toBeUndefined();
    expect(topDown('flowchart LRX\n  a --> b')).toBeUndefined();
  });
});

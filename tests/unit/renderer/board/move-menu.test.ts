// Where the "Move to…" menu opens: below its button when there is room, above it near the bottom
// of the window, and always inside the window's left and right edges.
import { describe, expect, it } from 'vitest';
import { placeMenu } from '../../../../renderer/src/board/MoveMenu';

const button = (left: number, top: number, width = 90, height = 26) =>
  ({ left, top, right: left + width, bottom: top + height, width, height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;
const window = { width: 1400, height: 900 };
const menu = { width: 220, height: 170 };

describe('placeMenu', () => {
  it('opens below the button, its right edge on the button\'s', () => {
    expect(placeMenu(button(300, 200), menu, window)).toEqual({ top: 226, left: 170, maxHeight: 900 - 226 - 8 });
  });

  it('opens above the button near the bottom of the window', () => {
    const placed = placeMenu(button(300, 820), menu, window);
    expect(placed.top + menu.height).toBeLessThanOrEqual(820);
    expect(placed.top).toBeGreaterThanOrEqual(8);
  });

  it('stays inside the left and right edges', () => {
    expect(placeMenu(button(10, 200), menu, window).left).toBe(8);
    expect(placeMenu(button(1360, 200, 40), menu, { width: 1400, height: 900 }).left).toBe(1400 - 8 - 220);
  });

  it('scrolls within the window when the window is shorter than the menu', () => {
    const placed = placeMenu(button(300, 60), { width: 220, height: 600 }, { width: 800, height: 400 });
    expect(placed.top).toBeGreaterThanOrEqual(8);
    expect(placed.top + Math.min(600, placed.maxHeight)).toBeLessThanOrEqual(400 - 8);
  });
});

import { describe, expect, it } from 'vitest';
import { clampOffset, KEY_STEP, KEY_STEP_LARGE, offsetAfterKey, toPlacement } from '@/lib/overlay-placement';

const VIEWPORT = { width: 1280, height: 800 };

describe('clampOffset', () => {
  it.each([
    ['inside: unchanged', { right: 100, bottom: 200 }, { right: 100, bottom: 200 }],
    ['past the right or bottom edge: at the edge', { right: -30, bottom: -5 }, { right: 0, bottom: 0 }],
    ['past the left or top edge: a grabbable part stays on screen', { right: 5000, bottom: 5000 }, { right: 1160, bottom: 752 }],
    ['fractions: whole pixels', { right: 10.6, bottom: 3.2 }, { right: 11, bottom: 3 }],
  ])('%s', (_name, offset, expected) => {
    expect(clampOffset(offset, VIEWPORT)).toEqual(expected);
  });

  it('pins to the corner in a viewport smaller than the part it keeps visible', () => {
    expect(clampOffset({ right: 50, bottom: 50 }, { width: 80, height: 30 })).toEqual({ right: 0, bottom: 0 });
  });
});

describe('offsetAfterKey', () => {
  const from = { right: 100, bottom: 100 };
  it.each([
    ['ArrowLeft', false, { right: 100 + KEY_STEP, bottom: 100 }],
    ['ArrowRight', false, { right: 100 - KEY_STEP, bottom: 100 }],
    ['ArrowUp', false, { right: 100, bottom: 100 + KEY_STEP }],
    ['ArrowDown', false, { right: 100, bottom: 100 - KEY_STEP }],
    ['ArrowLeft', true, { right: 100 + KEY_STEP_LARGE, bottom: 100 }],
    ['ArrowDown', true, { right: 100, bottom: 100 - KEY_STEP_LARGE }],
  ])('%s (Shift: %s) moves the card that way', (key, shift, expected) => {
    expect(offsetAfterKey(key, shift, from, VIEWPORT)).toEqual(expected);
  });

  it('stops at the viewport, like dragging', () => {
    expect(offsetAfterKey('ArrowRight', true, { right: 10, bottom: 10 }, VIEWPORT)).toEqual({ right: 0, bottom: 10 });
    expect(offsetAfterKey('ArrowUp', true, { right: 10, bottom: 740 }, VIEWPORT)).toEqual({ right: 10, bottom: 752 });
  });

  it('docks the card again on Home', () => {
    expect(offsetAfterKey('Home', false, from, VIEWPORT)).toBeNull();
  });

  it('leaves every other key alone', () => {
    for (const key of ['Enter', ' ', 'Tab', 'a', 'End', 'Escape']) expect(offsetAfterKey(key, false, from, VIEWPORT)).toBeUndefined();
  });
});

describe('toPlacement', () => {
  it('reads a stored placement, and anything malformed as the default', () => {
    expect(toPlacement({ collapsed: true, offset: { right: 5, bottom: 6 } })).toEqual({ collapsed: true, offset: { right: 5, bottom: 6 } });
    expect(toPlacement({ collapsed: 'yes', offset: { right: 'x', bottom: 1 } })).toEqual({ collapsed: false, offset: null });
    expect(toPlacement(null)).toEqual({ collapsed: false, offset: null });
  });
});

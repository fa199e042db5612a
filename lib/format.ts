/**
 * A count as en-US writes it ("1,234,567"), without Intl for whole numbers: the first Intl formatter
 * a tab builds loads ICU's data (15–20 ms measured in a fresh portal tab), and the overlay's first
 * render would pay it just to write a few counts. Anything else still goes to Intl.
 */
let intlCount: Intl.NumberFormat | undefined;

export function formatCount(n: number): string {
  if (Number.isSafeInteger(n)) {
    const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return n < 0 ? `-${digits}` : digits;
  }
  intlCount ??= new Intl.NumberFormat('en-US');
  return intlCount.format(n);
}

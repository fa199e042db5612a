/**
 * A count as en-US writes it ("1,234,567"), without Intl: the first Intl formatter a tab builds
 * loads ICU's data (15–20 ms measured in a fresh portal tab), and the overlay's first render would
 * pay it just to write a few counts. The digits before a decimal point are grouped the same way;
 * Graph's counts are whole numbers, anything else is shown as the number it is.
 */
export const formatCount = (n: number): string => String(n).replace(/(?<!\.\d*)\B(?=(\d{3})+(?!\d))/g, ',');

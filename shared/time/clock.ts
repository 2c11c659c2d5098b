/**
 * The one clock every handler reads. On AWS it is the system clock; the local runtime swaps in its virtual
 * clock so months of a journey pass in seconds while the handlers stay unchanged.
 */
let source: () => number = Date.now;

export const now = (): Date => new Date(source());

export const useClock = (next: () => number): void => {
  source = next;
};

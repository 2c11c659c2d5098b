/** One line of `npm run bench`'s table: a measured figure beside the target issue 13 sets for it. */
export interface Figure {
  figure: string;
  value: number;
  unit: string;
  target: number;
  /** 'lower' when smaller is better */
  better: 'lower' | 'higher';
  note?: string;
  /** What the figure is made of (a cost by service, say): printed under the table and kept in the JSON. */
  details?: Record<string, number | string>;
}

/** A bench module's default export: it measures on this machine and reports its figures. */
export type Measurement = () => Promise<Figure[]>;

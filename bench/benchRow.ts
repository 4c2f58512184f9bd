/** One line of the benchmark table: a figure, its floor measured in the same run, and the target. */
export interface BenchRow {
  id: string;
  name: string;
  value: number;
  unit: string;
  /** The floor's value measured in the same run, in the same unit. */
  baseline?: number;
  /** value / baseline (or baseline / value where higher is better; `better` says which). */
  ratio?: number;
  better?: 'lower' | 'higher';
  /** Target for the ratio (or for the value when there is no baseline), e.g. '<= 1.3'. */
  target?: string;
  pass?: boolean;
  note?: string;
}

import { analyseSources, type AnalysedSource, type ListSource } from './sources';
import { collectProblems, type ProblemList } from './problems';
import type { TimeSlicer } from '../analysis/timeSlicer';

/** What validating a document's sources produced: each source's analysis and the problems to show. */
export interface ValidationOutcome {
  sources: AnalysedSource[];
  problems: ProblemList;
}

export interface ValidationRunOptions {
  defaultRegion: string | undefined;
  maxProblems: number;
  /** Setting id named when problems are capped. */
  maxProblemsSetting: string;
}

/**
 * The whole pipeline short of VS Code objects: analyse every source in time slices, then collect the
 * capped problems. Undefined when the slicer reports cancellation. Throws a RangeError for an
 * unknown default region (the core's check).
 */
export async function runValidation(sources: readonly ListSource[], options: ValidationRunOptions, slicer: TimeSlicer): Promise<ValidationOutcome | undefined> {
  const region = options.defaultRegion;
  const analysed = await analyseSources(sources, region === undefined ? {} : { defaultRegion: region }, slicer);
  if (analysed === undefined || !(await slicer.checkpoint())) return undefined;
  const problems = collectProblems(analysed, { maxProblems: options.maxProblems, region, maxProblemsSetting: options.maxProblemsSetting });
  return { sources: analysed, problems };
}

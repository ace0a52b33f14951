// One summarizer per framework; each reads the walk's collected nodes from the SummaryBuilder and adds containers,
// routes and framework facts to the file's summary. Order matters only where two could claim the same container
// parameter: the more specific frameworks run first.
import type { SummaryBuilder } from '../summarize';
import { expressSummarizer } from './express';
import { importedContainerSummarizer } from './imported-containers';
import { fastifySummarizer } from './fastify';
import { honoSummarizer } from './hono';
import { koaSummarizer } from './koa';
import { restGeneratorSummarizer } from './rest-generators';
import { nestSummarizer } from './nest';
import { nextSummarizer } from './next';

export interface FrameworkSummarizer {
  framework: string;
  summarize(builder: SummaryBuilder): void;
}

// Registrations on containers imported from other files come last: every framework has claimed its own by then.
export const FRAMEWORK_SUMMARIZERS: readonly FrameworkSummarizer[] = [fastifySummarizer, koaSummarizer, honoSummarizer, expressSummarizer, restGeneratorSummarizer, nestSummarizer, nextSummarizer, importedContainerSummarizer];

import type { FrameworkSummarizer } from './index';
export const fastifySummarizer: FrameworkSummarizer = { framework: 'fastify', summarize() {} };

import { summarizeNote } from './noteSummary';
import { classifyBlock, mayBePrivate } from './privacyClassifier';
import { QuestionScript } from './questionScript';

const SAMPLE = `---
type: growth-conversation
person: Sam Lee
date: 2026-01-05
themes:
  - on-call load
---
# Growth conversation: Sam Lee, 2026-01-05

## 1. How are you doing? How is work? <!-- growth:checkin -->
Busy but fine. #on-call-load

## 3. Which three achievements are you most proud of? <!-- growth:achievements -->
1. Shipped the export
2. Ran the incident review (private)

## Next steps <!-- growth:next-steps -->
- [ ] Ask about the rota @sam due:2026-02-01
`;

/**
 * The reader's first use compiles its patterns and warms the engine's code for it: tens of
 * milliseconds in one go. These steps do it ahead, a pattern or two each, so that an editor running
 * one per turn of its event loop never stutters on the first notes it reads.
 */
export const READER_WARM_UP: readonly ((script: QuestionScript) => unknown)[] = [
  () => mayBePrivate('warming up'),
  () => classifyBlock('warming up (private)'),
  () => classifyBlock('Sensitive: warming up'),
  () => classifyBlock('Not for Sam, warming up', { person: 'Sam Lee' }),
  () => classifyBlock('warming up, prvate'),
  script => summarizeNote(SAMPLE, script),
  script => summarizeNote(SAMPLE, script),
];

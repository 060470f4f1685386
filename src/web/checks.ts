// The page's checks of what people open (a rule-set file, an inspection file), loaded only when
// one is opened, with zod told first (before any schema is made, as each reads it then) to
// build its checks without Function() (its "jit"): the page's Content-Security-Policy forbids
// that, and zod, trying it, made the browser report the refusal as an issue.
import './zod-without-eval.js';

export { analyseRuleSet } from '../core/rule-set/analyse.js';
export { parseInspection } from '../core/progress/inspection-text.js';

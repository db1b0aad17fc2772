// The diagnosis engine: a Case in, ranked and cited hypotheses out.
export { diagnose, SCORING, KEY_TEXT_DOCUMENT } from './diagnose.js';
export { compileKnowledgeBase, type CompiledKnowledgeBase } from './compile.js';

// Public face of the intent classifier and entity extractor (pure: models and data come in as JSON and strings).
export { INTENTS, isIntent, type Intent } from './labels.js';
export type { Classification, CodeEntityType, Entity, EntityType, ModelFamily, ScoredIntent, TrainingData } from './types.js';
export { CONFIDENCE_THRESHOLD, RULE_CONFIDENCE, loadIntentModel, type IntentClassifier } from './classifier.js';
export { trainIntentModel, DEFAULT_FAMILY, TrainingError } from './train.js';
export { IntentModelError, MODEL_FORMAT, MODEL_VERSION, parseIntentModelJson, type IntentModelJson } from './model-json.js';
export { hashTrainingData } from './data-hash.js';
export { parseUtterances, trainingDataFromFiles } from './data-file.js';
export { extractEntities } from './entities/index.js';
export { mentionsGreeting, toFeatures } from './features.js';
export { crossValidate, evaluate, labelled, type EvalReport, type IntentScore, type LabelledUtterance } from './evaluate.js';

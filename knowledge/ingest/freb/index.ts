// IIS Failed Request Tracing: frNNNNNN.xml -> Evidence (freb.* keys of FACTS.md), summary and timeline.
export { parseFreb, type FrebParseOptions } from './parse-freb.js';
export { readTrace, type FrebEvent, type FrebTrace } from './read-trace.js';

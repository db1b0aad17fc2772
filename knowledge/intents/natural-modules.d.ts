// natural's index module loads every storage backend, and those call dotenv.config() on import: it prints to
// stdout (breaking `classify --json`) and takes ~1.5 s. We import the three modules we use directly instead.
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  import type { BayesClassifier } from 'natural';
  const Bayes: typeof BayesClassifier;
  export default Bayes;
}
declare module 'natural/lib/natural/classifiers/logistic_regression_classifier.js' {
  import type { LogisticRegressionClassifier } from 'natural';
  const Logistic: typeof LogisticRegressionClassifier;
  export default Logistic;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  import type { Stemmer } from 'natural';
  const PorterStemmer: Stemmer;
  export default PorterStemmer;
}

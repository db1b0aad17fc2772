// Weak signal: how much the user's words resemble a cause's symptoms (TF-IDF cosine over stemmed tokens).
import type { Lru } from './lru.js';
import { createRequire } from 'node:module';
import { stemWord } from '../text/stem-word.js';

// natural's index module loads every storage backend (which read .env files and print): take only what we use.
const stopwords = new Set<string>(
  (createRequire(import.meta.url)('natural/lib/natural/util/stopwords.js') as { words: string[] }).words,
);

/** Lower-cased, stemmed content words; code-like tokens kept whole so "401" and "kerberos" both count. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().match(/[a-z0-9_]+/g) ?? []) {
    if (raw.length < 2 || stopwords.has(raw)) continue;
    out.push(/\d/.test(raw) ? raw : stemWord(raw));
  }
  return out;
}

export type SparseVector = Map<string, number>;

export interface SimilarityIndex {
  idf: Map<string, number>;
  /** One vector per phrase of each document. */
  docs: { docId: string; phrase: string; vector: SparseVector }[];
  /** term -> the phrases that contain it, with the term's weight there: a text is compared only with phrases it shares words with. */
  postings: Map<string, { phrase: number; weight: number }[]>;
}

/** Builds IDF over all phrases so that words every cause shares ("iis", "error") weigh little. */
export function buildSimilarityIndex(phrases: { docId: string; phrase: string }[]): SimilarityIndex {
  const df = new Map<string, number>();
  const tokenized = phrases.map((p) => ({ ...p, terms: terms(p.phrase) }));
  for (const p of tokenized) for (const t of new Set(p.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = tokenized.length;
  const idf = new Map<string, number>();
  for (const [t, count] of df) idf.set(t, Math.log((1 + n) / (1 + count)) + 1);
  const docs = tokenized.map((p) => ({ docId: p.docId, phrase: p.phrase, vector: weigh(p.terms, idf) }));
  const postings = new Map<string, { phrase: number; weight: number }[]>();
  docs.forEach((d, phrase) => {
    for (const [t, weight] of d.vector) {
      const list = postings.get(t);
      if (list) list.push({ phrase, weight });
      else postings.set(t, [{ phrase, weight }]);
    }
  });
  return { idf, docs, postings };
}

export function vectorize(text: string, index: SimilarityIndex): SparseVector {
  return weigh(terms(text), index.idf);
}

function weigh(tokens: string[], idf: Map<string, number>): SparseVector {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  const v: SparseVector = new Map();
  let norm = 0;
  for (const [t, count] of tf) {
    // Unknown words carry no information about any cause.
    const w = (1 + Math.log(count)) * (idf.get(t) ?? 0);
    if (w > 0) {
      v.set(t, w);
      norm += w * w;
    }
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/**
 * For each document, the phrase most similar to the text and its cosine. A phrase is compared with the
 * whole text and with each of its sentences, so a long message does not drown a matching sentence.
 */
export function bestPhrasePerDoc(text: string, index: SimilarityIndex): Map<string, { phrase: string; score: number }> {
  const chunks = [text, ...text.split(/(?<=[.!?\n])\s+/).filter((s) => s.trim().length > 0)];
  const vectors = [...new Set(chunks)].map((c) => vectorize(c, index)).filter((v) => v.size > 0);
  // Dot products through the postings lists (vectors are normalised, so the dot product is the cosine).
  const scores = new Float64Array(index.docs.length);
  const dots = new Float64Array(index.docs.length);
  for (const v of vectors) {
    dots.fill(0);
    for (const [t, w] of v) for (const p of index.postings.get(t) ?? []) dots[p.phrase] += w * p.weight;
    for (let i = 0; i < dots.length; i++) if (dots[i] > scores[i]) scores[i] = dots[i];
  }
  const best = new Map<string, { phrase: string; score: number }>();
  index.docs.forEach((doc, i) => {
    const current = best.get(doc.docId);
    if (!current || scores[i] > current.score) best.set(doc.docId, { phrase: doc.phrase, score: scores[i] });
  });
  return best;
}

/**
 * The best phrase per document over several messages: each message is compared on its own (cached per message,
 * since a conversation re-diagnoses its earlier messages every turn) and the strongest resemblance counts.
 */
export function bestPhrasePerDocOfMessages(
  texts: string[],
  index: SimilarityIndex,
  memo: Lru<string, Map<string, { phrase: string; score: number }>>,
): Map<string, { phrase: string; score: number }> {
  const best = new Map<string, { phrase: string; score: number }>();
  for (const text of texts) {
    for (const [docId, hit] of memo.getOrCompute(text, () => bestPhrasePerDoc(text, index))) {
      const current = best.get(docId);
      if (!current || hit.score > current.score) best.set(docId, hit);
    }
  }
  return best;
}

// Confidence in words: people act on "high / medium / low" better than on a number, the number stays as a detail.
import type { Hypothesis } from '../../knowledge/types.js';

const WORDS: Record<Hypothesis['confidenceLabel'], string> = {
  high: 'High confidence: the evidence points clearly at this cause',
  medium: 'Medium confidence: the evidence fits, but other causes are possible',
  low: 'Low confidence: a lead worth checking, not a conclusion',
};

export function confidenceInWords(h: Pick<Hypothesis, 'confidence' | 'confidenceLabel'>): string {
  return `${WORDS[h.confidenceLabel]} (${Math.round(h.confidence * 100)}%).`;
}

/** "Most likely cause", "Cause 2 of 3": where this hypothesis stands in the current ranking. */
export function rankInWords(rank: number, total: number): string {
  if (rank <= 1) return total > 1 ? `Most likely cause (1 of ${total})` : 'Most likely cause';
  return `Next most likely cause (${rank} of ${total})`;
}

// "That fixed it" closes a case and credits the cause shown, so the model's feedback_fixed must be backed by words
// that say something now works: "it is kernel mode" or "yes it's the pool account" answer a question, and share
// only their shape ("it is ...", "yes ...") with "it is fixed".
const SUCCESS_WORDS =
  /\b(?:work(?:s|ed|ing)?|wroks|wokring|fix(?:ed|d)?|solved|resolved|sorted|gone|good|green|(?:is|are|back) (?:up|online|to normal|in business)|(?:is|are) back$|trick|lifesaver|charm|success|helped|thanks?|thx|ty|tyvm|cheers|confirmed|verified|up and running|no (?:more|longer)|went away|did it|was (?:exactly )?it|were right|was the (?:problem|issue|cause)|job done|loads|opens|connects|starts|runs|happy|normal|fine|is used now|shows the ticket now|can (?:log ?in|access|open|connect))\b/i;

/**
 * "edge works fine", "works from home", "it works for admins only": where or for whom it works, which is a symptom.
 * A fix is reported with a change ("now", "again") or a thank-you.
 */
const QUALIFIED_SUCCESS = /\bworks?\b(?:[ \t,]+[\w'-]+){0,2}?[ \t,]+(?:from|with|for|in|on|over|via|when|if|using|through|except)\b|\b(?:ie|internet explorer|edge|chrome|firefox|safari)\b[ \t]+(?:works?|is fine|is ok)\b|\bonly\b|\bbut\b/i;
const CHANGE_OR_THANKS = /\b(?:now|again|anymore|fixed|solved|resolved|sorted|thanks?|thx|ty|cheers)\b/i;

/** "it works now but only in IE", "that fixed the 401 but now I get 500.24": some of it works, and the rest is new case detail. */
const BUT = /\b(?:but|only|except|however)\b[^.]{0,60}\b(?:not|still|fails?|failing|error|denied|prompts?|401|403|500|503|only|except)\b|\bonly (?:in|on|for|from|with)\b/i;
const NEGATED_SUCCESS = /(?:\b(?:not|never|no longer)|n't|n’t)\b[^.,;]{0,15}\b(?:work|fix|solv|help)/i;
/** "it worked until yesterday", "it used to work": how it was before it broke, not a fix. */
const WORKED_BEFORE = /\bused to work|\b(?:worked|was working|were working)\b[^.,;]{0,20}\b(?:until|till|before|yesterday|last (?:week|month|night)|for years)\b/i;

/** Where or for whom it works, without a word of change: a symptom to add to the case. */
export function saysWhereItWorks(text: string): boolean {
  return SUCCESS_WORDS.test(text) && QUALIFIED_SUCCESS.test(text) && !CHANGE_OR_THANKS.test(text);
}

export function saysItWorks(text: string): boolean {
  return SUCCESS_WORDS.test(text) && !saysWhereItWorks(text) && !WORKED_BEFORE.test(text);
}

export function saysPartlyWorks(text: string): boolean {
  return SUCCESS_WORDS.test(text) && BUT.test(text) && !NEGATED_SUCCESS.test(text) && !WORKED_BEFORE.test(text);
}

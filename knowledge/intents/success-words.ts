// "That fixed it" closes a case and credits the cause shown, so the model's feedback_fixed must be backed by words
// that say something now works: "it is kernel mode" or "yes it's the pool account" answer a question, and share
// only their shape ("it is ...", "yes ...") with "it is fixed".
const SUCCESS_WORDS =
  /\b(?:work(?:s|ed|ing)?|wroks|wokring|fix(?:ed|d)?|solved|resolved|sorted|gone|good|green|(?:is|are|back) (?:up|online|to normal|in business)|(?:is|are) back$|trick|lifesaver|charm|success|helped|thanks?|thx|ty|tyvm|cheers|confirmed|verified|up and running|no (?:more|longer)|went away|did it|was (?:exactly )?it|were right|was the (?:problem|issue|cause)|job done|loads|opens|connects|starts|runs|happy|normal|fine|is used now|shows the ticket now|can (?:log ?in|access|open|connect))\b/i;

export function saysItWorks(text: string): boolean {
  return SUCCESS_WORDS.test(text);
}

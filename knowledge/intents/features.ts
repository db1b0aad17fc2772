// Turns a message into the tokens the classifier sees. Pasted codes, paths and accounts become shape tokens
// ("__hex__", "__status__") so a model trained on 0x80070542 also recognises 0x8009030e; negated words are marked
// ("that did not fix it" -> "not_fix") so feedback_fixed and feedback_not_fixed stay apart.
import { stemWord } from '../text/stem-word.js';

/** Intent lives in the first lines of a message; a 100 KB paste adds nothing but time after this. */
export const FEATURE_TEXT_LIMIT = 4000;

// Every pattern has bounded quantifiers and no nested repetition over overlapping classes: linear time.
const SHAPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/https?:\/\/[^\s"'<>]{1,2048}/g, ' __url__ '],
  [/\\\\[a-z0-9_.$-]{1,64}(?:\\[^\s\\"']{0,128}){0,16}/g, ' __path__ '],
  [/\b[a-z]:\\[^\s"']{0,260}/g, ' __path__ '],
  [/\b[a-z][a-z0-9_.-]{0,20}\\[a-z0-9_.$-]{1,64}/g, ' __account__ '],
  [/\b[a-z0-9_.+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}/g, ' __account__ '],
  [/\b0x[0-9a-f]{1,16}\b/g, ' __hex__ '],
  [/\b(?=[0-9a-f]{0,7}[a-f])(?=[0-9a-f]{0,7}[0-9])[0-9a-f]{8}\b/g, ' __hex__ '],
  [/\b[1-5][0-9]{2}\.[0-9]{1,3}\b/g, ' __status__ '],
  [/\b(?:sec_[ei]|kdc_err|krb_ap_err|krb_err|krb5kdc_err|error|status|rpc_s|ns_e)_[a-z_]{2,64}/g, ' __errname__ '],
  [/\b[0-9]+(?:\.[0-9]+){1,3}\b/g, ' __ver__ '],
  [/\b[0-9]{3,12}\b/g, ' __num__ '],
];

const NEGATORS = new Set([
  'not', 'no', 'nope', 'never', 'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'werent', 'arent', 'cant', 'cannot',
  'couldnt', 'wont', 'wouldnt', 'havent', 'hasnt', 'aint', 'nothing', 'neither', 'nor', 'nah', 'without',
]);
/** How many words after a negator carry the "not_" mark (up to the next punctuation). */
const NEGATION_SCOPE = 3;
const CLAUSE_BREAK = new Set(['.', ',', ';', '!', '?', 'but', 'and', 'though', 'however']);

// Words that place a message in this bot's domain. Their absence is what most off-topic questions share
// ("how do i make pasta" has the shape of a how_to), so every message gets "__dom__" or "__nodom__".
const DOMAIN_WORDS = new Set(
  (
    'iis kerberos kerb krb ntlm negotiate spn spns setspn delegation delegate delegating impersonation impersonate ' +
    'impersonating impersonated apppool pool w3wp asp aspnet dotnet net sql sqlserver sharepoint ssrs wcf api site ' +
    'website intranet portal web webapp server servers auth authentication authenticated windows token tokens ticket ' +
    'tickets tgt klist kdc freb trace traces log logs config gpo privilege privileges seimpersonateprivilege iusr ' +
    'iis_iusrs ad domain dc identity credentials creds cred login logon prompt prompted prompting password share ' +
    'hop access denied unauthorized forbidden iisreset recycle pipeline integrated classic sso anonymous basic ' +
    'digest forms gmsa svc secpol whoami lsass event evtx fqdn dns appcmd applicationhost webconfig wwwroot inetpub ' +
    'error errors 401 403 500 503 msmq rbcd s4u2self s4u2proxy c2wts httperr w3c fiddler netmon wireshark ' +
    'operating system service local network protection extended logging status hresult app apps application page pages user users account accounts group policy cert certificate browser chrome ' +
    'edge firefox zone database db connection screenshot attached attaching attach upload uploading uploaded zip ' +
    'zipped file files capture har pcap dump dumps output export exported spn gpupdate gpresult azure entra ' +
    'kernel mode usermode providers provider cname alias gmsa msa sid acl acls ntfs icacls permissions f5 proxy ' +
    'balancer https ssl tls pcs clients machines computers admins netbios hostname ie safari'
  ).split(' '),
);
// Word classes a single training sentence cannot teach: greetings in the languages and slang colleagues use, and
// topics of everyday office life and other IT products. A class feature ("__greet__", "__offtopic__") lets one
// "hola" in training stand for "bonjour" too, and lets "can you book a flight" lean out of scope although "can you"
// is mostly a capability question (help).
const GREETING_WORDS = new Set(
  (
    'hi hello hey hiya heya howdy yo sup wassup whatsup hola bonjour salut ciao hallo servus moin namaste ahoy gday ' +
    'greetings morning afternoon evening gm hru howdy aloha shalom konnichiwa hej ola buongiorno buenos dias guten tag'
  ).split(' '),
);
const OFF_TOPIC_WORDS = new Set(
  (
    'weather lunch dinner breakfast coffee tea pizza food restaurant recipe cook cooking bake cake movie movies film ' +
    'song songs music play joke jokes poem poems story game games match football soccer score scores sports news ' +
    'stock stocks bitcoin crypto price money taxes tax salary payslip payroll expenses timesheet vacation holiday ' +
    'holidays flight flights hotel travel trip weekend dog dogs cat cats pet birthday married favourite ' +
    'favorite colour color dream dreams sentient meaning life translate translation spanish german french ' +
    'math calculate convert km miles outlook teams zoom slack jira excel word powerpoint onedrive printer printers ' +
    'phone iphone android laptop mac macbook monitor keyboard mouse battery wifi router vpn python java javascript ' +
    'react node npm docker kubernetes linux ubuntu nginx apache git github css html wordpress aws s3 ' +
    'email emails meeting meetings calendar reminder remind alarm alarms picture image draw badge parking canteen ' +
    'cafeteria office desk chair aircon pharmacy'
  ).split(' '),
);
// The mirror of PERSIST_WORDS: "loads again", "no prompts anymore", "the error is gone" report a fix even when the
// rest of the sentence is all problem words.
const RESOLVED_WORDS = new Set(['again', 'anymore', 'gone', 'longer', 'fixed', 'solved', 'resolved', 'sorted']);
const PERSIST_WORDS = new Set(['still', 'stil', 'sitll', 'same', 'persists', 'persist', 'persisting', 'keeps']);
const PLACEHOLDER = /^__[a-z]+__$/;
// Fragments of the compound names people paste (useAppPoolCredentials, AuthNegotiateDelegateAllowlist, msDS-...).
const DOMAIN_FRAGMENT = /apppool|auth|deleg|imperson|kerb|ntlm|credential|iis|hresult|win32|identity|tracing|privilege|spn|msds|validate|sspi|ldap/;

function isDomainToken(t: string): boolean {
  return DOMAIN_WORDS.has(t) || PLACEHOLDER.test(t) || (t.length >= 5 && DOMAIN_FRAGMENT.test(t));
}

/** Present exactly when some token is of the domain: the same test as mentionsDomain, so a scorer can reuse it. */
export const DOMAIN_FEATURE = '__dom__';

/** Word tokens (a-z, digits, placeholders) and the punctuation that ends a negation scope. */
function rawTokens(text: string): string[] {
  let t = text.slice(0, FEATURE_TEXT_LIMIT).toLowerCase();
  // Contractions: "didn't" / "didn’t" -> "didnt", so negators are single tokens.
  t = t.replace(/['’`]/g, '');
  // Teams typing: "hellooo", "pleeease" -> one letter for any run of three or more.
  t = t.replace(/([a-z])\1{2,}/g, '$1');
  for (const [pattern, token] of SHAPES) t = t.replace(pattern, token);
  return t.match(/[a-z0-9_]+|[.,;!?]/g) ?? [];
}

// natural's Porter stemmer costs tens of microseconds a word, the largest part of featurising a message; chat
// reuses the same few thousand words, so stems are memoised (bounded: cleared when full, a paste of random
// identifiers cannot grow it without limit).
const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

function stem(word: string): string {
  if (word.startsWith('__')) return word;
  let s = stemCache.get(word);
  if (s === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    s = stemWord(word);
    stemCache.set(word, s);
  }
  return s;
}

/** The classifier's view of a message: stemmed words, shape placeholders, negation marks, "__q__" for a question. */
export function toFeatures(text: string): string[] {
  const out: string[] = [];
  const tokens = rawTokens(text);
  let negated = 0;
  let previous = '';
  let domain = false;
  const push = (feature: string): void => {
    out.push(feature);
    // Adjacent word pairs ("work now", "still get") carry what single words cannot.
    if (previous) out.push(`${previous}+${feature}`);
    previous = feature;
  };
  for (const token of tokens) {
    if (isDomainToken(token)) domain = true;
    if (CLAUSE_BREAK.has(token)) {
      negated = 0;
      previous = '';
      if (token === '?') out.push('__q__');
      else if (token !== '.' && token !== ',' && token !== ';' && token !== '!') push(stem(token));
      continue;
    }
    if (NEGATORS.has(token)) {
      push(token);
      negated = NEGATION_SCOPE;
      continue;
    }
    const s = stem(token);
    if (negated > 0) {
      push(`not_${s}`);
      negated--;
    } else {
      push(s);
    }
  }
  if (tokens.length) out.push(domain ? DOMAIN_FEATURE : '__nodom__');
  // Position: how a message opens ("^what", "^how+do") and ends ("now$", "pleas$") tells a question from a
  // report, and its length (in words) tells a command or a greeting from a description.
  const words = out.filter((f) => !f.includes('+') && !f.startsWith('__'));
  if (words.length) {
    out.push(`^${words[0]}`);
    if (words.length > 1) out.push(`^${words[0]}+${words[1]}`);
    out.push(`${words[words.length - 1]}$`);
  }
  if (tokens.length) out.push(words.length <= 1 ? '__len1__' : words.length <= 3 ? '__len3__' : words.length <= 7 ? '__len7__' : '__lenlong__');
  // "still" / "same" outweigh the many problem words that follow them ("still getting anonymous logon on sql"):
  // a second, message-level cue gives them the weight a single word cannot have in naive Bayes.
  if (tokens.some((t) => PERSIST_WORDS.has(t))) out.push('__persist__');
  if (tokens.some((t) => RESOLVED_WORDS.has(t))) out.push('__resolved__');
  if (tokens.some((t) => GREETING_WORDS.has(t))) out.push('__greet__');
  if (tokens.some((t) => OFF_TOPIC_WORDS.has(t))) out.push('__offtopic__');
  return out;
}

/** Features that describe the message as a whole, not its words: they do not count as "known content". */
export const META_FEATURES: ReadonlySet<string> = new Set([
  '__dom__', '__nodom__', '__q__', '__persist__', '__len1__', '__len3__', '__len7__', '__lenlong__',
]);

/** True when the message has at least one word, code or shape of this bot's domain. */
export function mentionsDomain(text: string): boolean {
  return rawTokens(text).some(isDomainToken);
}

/** True when the message has a greeting word ("hi", "morning", "hola"). */
export function mentionsGreeting(text: string): boolean {
  return rawTokens(text).some((t) => GREETING_WORDS.has(t));
}

/** Distinct features in first-seen order: the models use presence, not counts. */
export function featureSet(text: string): string[] {
  return [...new Set(toFeatures(text))];
}

// The subset of the Adaptive Cards 1.5 schema this bot produces: typed so a misspelt property fails the build, and
// small so every element we emit is one the tests validate against the real `adaptivecards` parser.

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** Teams renders Adaptive Cards up to 1.5. */
export const CARD_VERSION = '1.5';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: true;
  weight?: 'Bolder';
  size?: 'Small' | 'Medium' | 'Large';
  isSubtle?: true;
  fontType?: 'Monospace';
  color?: 'Good' | 'Warning' | 'Attention' | 'Accent';
  spacing?: 'Small' | 'Medium' | 'Large';
  separator?: true;
}

export interface TextRun {
  type: 'TextRun';
  text: string;
  fontType?: 'Monospace';
  weight?: 'Bolder';
  isSubtle?: true;
}

export interface RichTextBlock {
  type: 'RichTextBlock';
  inlines: TextRun[];
  spacing?: 'Small' | 'Medium';
}

export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  id?: string;
  /** Only ever `false`: the default (visible) is left out so the JSON round-trips through the parser unchanged. */
  isVisible?: false;
  spacing?: 'Small' | 'Medium';
  separator?: true;
}

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
}

export type CardElement = TextBlock | RichTextBlock | FactSet | Container | ActionSet;

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: Record<string, string>;
}

export interface ToggleVisibilityAction {
  type: 'Action.ToggleVisibility';
  title: string;
  targetElements: string[];
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: AdaptiveCard;
}

export type CardAction = SubmitAction | ToggleVisibilityAction | OpenUrlAction | ShowCardAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: string;
  version?: string;
  body: CardElement[];
  actions?: CardAction[];
  /** Shown by channels (and notifications) that cannot render the card. */
  fallbackText?: string;
}

/** A card plus the same content as Markdown, for channels without card support and for notifications. */
export interface Reply {
  card: AdaptiveCard;
  markdown: string;
}

// Activities shaped the way Microsoft Teams sends them to a bot (Bot Framework v3 schema as Teams fills it): ids with
// their Teams prefixes ("28:" bots, "29:" users, "a:" personal chats, "19:...@thread.tacv2" channels with
// ";messageid=" for a thread, "19:...@thread.v2" group chats), tenant and team in channelData, the bot's @mention
// as "<at>Name</at>" in the text plus a mention entity, the "text/html" copy of the message Teams adds as an
// attachment, files as `file.download.info` with a SharePoint downloadUrl, and conversationUpdate on install.
import { createHash } from 'node:crypto';
import type { Activity, Attachment, ChannelAccount, ConversationAccount, Entity } from 'botbuilder';

export const BOT_APP_ID = '7c3a1f52-9e0b-4d1e-8a36-2f5b9c41d07e';
export const BOT: ChannelAccount = { id: `28:${BOT_APP_ID}`, name: 'IIS Bot' };
export const TENANT_ID = '4a7e2c19-3b8d-4f60-9c15-e8d2a0b7f341';
export const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
export const USER: ChannelAccount = {
  id: '29:1Hq4vV7gX2d9K3oQpZr8LmN0bT5yWc6sEaJfUiO1kR2xPzY4nM8eA7wD3hG9jS0lB',
  name: 'Megan Bowen',
  aadObjectId: 'e3b1c9d4-5f27-4a86-b0e2-7d19c8a4f653',
};
export const TEAM = { id: '19:Xc7Pq2Lm9RtY4vB8nK1sD6fH3gJ5wZ0a@thread.tacv2', name: 'IT Support', aadGroupId: 'b1d4e7a0-2c58-4f93-86ab-0e3f5c7d9a12' };
/** A team's General channel has the team's id. */
export const GENERAL = { id: TEAM.id, name: 'General' };
export const WEB_FARM_CHANNEL = { id: '19:Qm3Tz8Vb1Nc6Xw4Rk9Ls2Dp7Hf0Gj5Ya@thread.tacv2', name: 'Web farm' };

export type Scope = 'personal' | 'channel' | 'groupChat';

/** A conversation of the given scope; `key` keeps tests apart (each gets its own conversation state). */
export function teamsConversation(scope: Scope, key: string): ConversationAccount {
  switch (scope) {
    case 'personal':
      return { id: `a:1${key}Vz9kPq3Lr7TxW2mYb5NcH8sDf0GjK4uE6aQiO1oRp`, conversationType: 'personal', tenantId: TENANT_ID, isGroup: false, name: '' };
    case 'channel':
      // A post in a channel and its replies form one conversation: the channel id plus the root message's id.
      return { id: `${WEB_FARM_CHANNEL.id};messageid=17${digits(key)}`, conversationType: 'channel', tenantId: TENANT_ID, isGroup: true, name: '' };
    case 'groupChat':
      return { id: `19:${key}a8f3c2e1b7d94f06@thread.v2`, conversationType: 'groupChat', tenantId: TENANT_ID, isGroup: true, name: '' };
  }
}

/** A message id (milliseconds, as Teams uses) derived from the key, so each key is its own thread. */
function digits(key: string): string {
  return String(parseInt(createHash('sha256').update(key).digest('hex').slice(0, 8), 16)).padStart(11, '0');
}

function channelDataFor(conversation: ConversationAccount): Record<string, unknown> {
  const tenant = { id: TENANT_ID };
  if (conversation.conversationType !== 'channel') return { tenant };
  const channelId = conversation.id.split(';')[0];
  return { teamsChannelId: channelId, teamsTeamId: TEAM.id, channel: { id: channelId, name: WEB_FARM_CHANNEL.name }, team: { id: TEAM.id, name: TEAM.name, aadGroupId: TEAM.aadGroupId }, tenant };
}

let sequence = 0;
function activityId(): string {
  sequence += 1;
  return String(1718000000000 + sequence);
}

const CLIENT_INFO: Entity = { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/Berlin' };

export interface MentionOptions {
  /** The name Teams shows in the `<at>` tag (a user can shorten it; the app's display name may differ). */
  shownName?: string;
  /** One `<at>` tag and entity per word of the name, as Teams sends a multi-word name picked from the mention list. */
  perWord?: boolean;
}

export interface TeamsMessageOptions {
  /** Mention the bot at the start of the text (Teams requires it in channels and group chats). */
  mention?: boolean | MentionOptions;
  files?: Attachment[];
  value?: unknown;
  replyToId?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A message from the user, with Teams' mention markup, entity and "text/html" duplicate. */
export function teamsMessage(conversation: ConversationAccount, text: string, options: TeamsMessageOptions = {}): Partial<Activity> {
  const entities: Entity[] = [];
  let fullText = text;
  let htmlText = `<p>${escapeHtml(text)}</p>`;
  if (options.mention) {
    const mention = typeof options.mention === 'object' ? options.mention : {};
    const shown = mention.shownName || (BOT.name ?? 'Bot');
    const parts = mention.perWord ? shown.split(' ') : [shown];
    const tags = parts.map((p) => `<at>${p}</at>`);
    fullText = `${tags.join(' ')} ${text}`;
    const spans = parts.map((p, i) => `<span itemtype="http://schema.skype.com/Mention" itemscope="" itemid="${i}">${escapeHtml(p)}</span>`);
    htmlText = `<p>${spans.join('&nbsp;')}&nbsp;${escapeHtml(text)}</p>`;
    for (const tag of tags) entities.push({ type: 'mention', mentioned: { id: BOT.id, name: BOT.name }, text: tag });
  }
  entities.push(CLIENT_INFO);
  return {
    type: 'message',
    id: activityId(),
    timestamp: new Date(),
    localTimestamp: new Date(),
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: USER,
    recipient: BOT,
    conversation,
    channelData: channelDataFor(conversation),
    textFormat: 'plain',
    locale: 'en-US',
    text: fullText,
    entities,
    // Teams adds the message's HTML as an attachment to every message typed in the compose box.
    attachments: [...(options.files ?? []), { contentType: 'text/html', content: htmlText }],
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
  };
}

/** An Adaptive Card Action.Submit press: the card's data as `value`, no text, a reply to the card's message. */
export function cardSubmit(conversation: ConversationAccount, data: Record<string, unknown>, cardActivityId = activityId()): Partial<Activity> {
  return {
    type: 'message',
    id: activityId(),
    timestamp: new Date(),
    localTimestamp: new Date(),
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: USER,
    recipient: BOT,
    conversation,
    channelData: { ...channelDataFor(conversation), source: { name: 'message' }, legacy: { replyToId: `1:${cardActivityId}` } },
    replyToId: cardActivityId,
    locale: 'en-US',
    entities: [CLIENT_INFO],
    value: data,
  };
}

/** A messageBack button: Teams posts its `text` (not shown in the chat) with its `value`. */
export function messageBack(conversation: ConversationAccount, text: string, value: unknown): Partial<Activity> {
  const { attachments: _html, ...message } = teamsMessage(conversation, text);
  return { ...message, value, channelData: { ...channelDataFor(conversation), source: { name: 'message' } } };
}

/** An uploaded file as Teams delivers it in personal scope. */
export function fileDownloadInfo(name: string, downloadUrl: string): Attachment {
  const fileType = name.split('.').pop() ?? '';
  return {
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    contentUrl: `https://contoso-my.sharepoint.com/personal/meganb_contoso_com/Documents/Microsoft%20Teams%20Chat%20Files/${encodeURIComponent(name)}`,
    name,
    content: { downloadUrl, uniqueId: '5d2f8b19-4c7e-4a03-9e61-b8f0d3a2c574', fileType },
  };
}

export type InstallTarget = 'personal' | 'team' | 'groupChat';

/** The conversationUpdate Teams sends when the app is installed: the bot's own id in membersAdded. */
export function installUpdate(target: InstallTarget, key: string): Partial<Activity> {
  // Teams lists added members by id only (the bot's "28:" id on install).
  const added = [{ id: BOT.id }] as ChannelAccount[];
  const base: Partial<Activity> = { type: 'conversationUpdate', id: `f:${activityId()}`, timestamp: new Date(), channelId: 'msteams', serviceUrl: SERVICE_URL, from: USER, recipient: BOT, membersAdded: added };
  switch (target) {
    case 'personal':
      return { ...base, conversation: teamsConversation('personal', key), channelData: { tenant: { id: TENANT_ID } } };
    case 'groupChat':
      return { ...base, conversation: teamsConversation('groupChat', key), channelData: { tenant: { id: TENANT_ID } } };
    case 'team':
      // Installed in a team: the update comes from the team's General channel (the team's id, no thread).
      return {
        ...base,
        conversation: { id: GENERAL.id, conversationType: 'channel', tenantId: TENANT_ID, isGroup: true, name: '' },
        channelData: { team: { id: TEAM.id, name: TEAM.name, aadGroupId: TEAM.aadGroupId }, eventType: 'teamMemberAdded', tenant: { id: TENANT_ID }, settings: { selectedChannel: { id: GENERAL.id } } },
      };
  }
}

/** A person added to a team the bot is already in. */
export function userJoinsTeam(): Partial<Activity> {
  const update = installUpdate('team', 'join');
  return { ...update, membersAdded: [{ id: '29:1Nw8Yx3Kd5Rb7Tm2Vq9Lp4Hs6Fc0Gz1Ja3Ue5Oi7Ar9So', aadObjectId: 'a9c2e4f6-1b3d-4e5f-8a7b-c9d0e1f2a3b4' } as ChannelAccount] };
}

/** The same activity posted to /api/messages with the replies returned in the response. */
export function expectReplies(activity: Partial<Activity>): Partial<Activity> {
  return { ...activity, deliveryMode: 'expectReplies' };
}

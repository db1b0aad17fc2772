// A Markdown message activity (Teams, Web Chat and the terminal chat all render it).
import { MessageFactory, TextFormatTypes, type Activity } from 'botbuilder';

export function markdown(text: string): Partial<Activity> {
  const activity = MessageFactory.text(text);
  activity.textFormat = TextFormatTypes.Markdown;
  return activity;
}

// POST /api/messages: Bot Framework activities through CloudAdapter (which authenticates them and, for
// deliveryMode "expectReplies", returns the replies in the HTTP response).
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { TurnTracker } from '../turn-tracker.js';

export function messagesRoute(adapter: CloudAdapter, tracker: TurnTracker, logic: (context: TurnContext) => Promise<void>, requireAuthHeader: boolean) {
  return async function messagesHandler(req: Request, res: Response): Promise<void> {
    // CloudAdapter would refuse this too, but logs a stack trace for every anonymous probe.
    if (requireAuthHeader && !req.header('authorization')) {
      res.send(401, { error: 'unauthorized', message: 'Bot Framework requests carry an Authorization header.' });
      return;
    }
    if (tracker.isDraining) {
      res.header('connection', 'close');
      res.send(503, { error: 'shutting-down' });
      return;
    }
    await tracker.track(() => adapter.process(req, res, logic));
  };
}

// GET /healthz: liveness for load balancers and people: version and uptime, nothing secret.
import type { Request, Response } from 'restify';

export interface HealthInfo {
  version: string;
  startedAt: number;
  localMode: boolean;
  storage: string;
  bot: string;
}

export function healthzRoute(info: HealthInfo) {
  return async function healthzHandler(_req: Request, res: Response): Promise<void> {
    res.send(200, {
      status: 'ok',
      version: info.version,
      uptimeSeconds: Math.round((Date.now() - info.startedAt) / 1000),
      localMode: info.localMode,
      storage: info.storage,
      bot: info.bot,
    });
  };
}

// Runs pull runs on a node-cron schedule (events.md §4). node-cron's noOverlap skips a tick while the
// previous run is still going; the runner also refuses overlap itself, across instances too.
import cron from 'node-cron';
import type { Logger } from '@lgsp/runtime';
import type { PullRunner } from './pull-run.ts';

export interface PullSchedule {
  start(): void;
  /** Stops the schedule and waits for a run in progress to finish its page. */
  stop(): Promise<void>;
}

export function schedulePulls(expression: string, runner: PullRunner, logger: Logger, name: string): PullSchedule {
  const log = logger.child({ component: 'pull-schedule' });
  const task = cron.createTask(expression, () => runner.run(), {
    name,
    noOverlap: true,
    logger: {
      info: (message) => log.debug(message),
      warn: (message) => log.debug(message),
      error: (message, error) => log.error({ err: error ?? message }, 'pull schedule error'),
      debug: (message) => log.trace(String(message)),
    },
  });
  return {
    start: () => void task.start(),
    stop: async () => {
      await task.stop();
      await runner.idle();
      await task.destroy();
    },
  };
}

// A one-line progress bar redrawn in place on a terminal's stderr; a no-op anywhere else, so logs and
// pipes never see control characters.

export interface Progress {
  tick(): void;
  done(): void;
}

const WIDTH = 30;

export function renderBar(done: number, total: number, label: string): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * WIDTH);
  return `${label} [${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${done}/${total} ${Math.round(share * 100)} %`;
}

export function createProgress(stream: NodeJS.WriteStream | undefined, total: number, label: string): Progress {
  if (!stream) return { tick: () => {}, done: () => {} };
  let count = 0;
  const draw = (): void => {
    stream.write(`\r${renderBar(count, total, label)}`);
  };
  draw();
  return {
    tick() {
      count += 1;
      draw();
    },
    done() {
      stream.write('\n');
    },
  };
}

export interface RateProgress {
  update(reading: { done: number; total: number; eventsPerSecond: number; etaSeconds: number | null }, phase: string): void;
  /** A line of its own (the bar is redrawn below it). */
  note(line: string): void;
  done(): void;
}

function eta(seconds: number | null): string {
  if (seconds === null) return '– left';
  if (seconds < 90) return `${seconds} s left`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min left`;
  return `${(seconds / 3600).toFixed(1)} h left`;
}

export function renderRateBar(label: string, reading: { done: number; total: number; eventsPerSecond: number; etaSeconds: number | null }, phase: string): string {
  const bar = renderBar(reading.done, reading.total, label).replace(`${reading.done}/${reading.total}`, `${reading.done.toLocaleString('en')}/${reading.total.toLocaleString('en')}`);
  return `${bar} · ${reading.eventsPerSecond.toLocaleString('en')} events/s · ${eta(reading.etaSeconds)} · ${phase}`;
}

/**
 * A progress bar with rate and time left, redrawn in place on a terminal; elsewhere (a pipe, a CI log) a
 * plain line every `plainEveryMs`, so a long command never looks stuck.
 */
export function createRateProgress(terminal: NodeJS.WriteStream | undefined, plain: NodeJS.WritableStream | undefined, label: string, plainEveryMs = 5_000): RateProgress {
  let lastPlain = 0;
  let drawn = false;
  return {
    update(reading, phase) {
      const line = renderRateBar(label, reading, phase);
      if (terminal) {
        terminal.write(`\r\u001b[2K${line}`);
        drawn = true;
      } else if (plain && Date.now() - lastPlain >= plainEveryMs) {
        lastPlain = Date.now();
        plain.write(`${line}\n`);
      }
    },
    note(line) {
      if (terminal) {
        terminal.write(`${drawn ? '\r\u001b[2K' : ''}${line}\n`);
        drawn = false;
      } else plain?.write(`${line}\n`);
    },
    done() {
      if (terminal && drawn) terminal.write('\n');
      drawn = false;
    },
  };
}

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

// What a pull run reads from: pages of native records, each with a stable reference (for dead letters
// and logs) and a way to move the durable position past it once its events are in Kafka.

export interface PulledItem {
  /** Stable across re-reads of the same position, e.g. `adapter-land:feed:<cursor>:3`. */
  ref: string;
  /** The native record, when the item could be read as JSON. */
  value?: unknown;
  /** The raw text and why it could not be read (a drop file's line that is not JSON). */
  unreadable?: { text: string; reason: string };
}

export interface PulledPage {
  items: PulledItem[];
  /** Where the page came from (feed URL, file path), for dead letters. */
  origin: string;
  /** Moves the durable position past this page; call only after its events are acknowledged. */
  advance(): Promise<void>;
}

export interface PullSource {
  /** The next page after the durable position, or undefined when there is nothing new. */
  nextPage(): Promise<PulledPage | undefined>;
}

/** The source could not be read this time (unreachable, bad answer); the next tick tries again. */
export class SourceUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SourceUnavailableError';
  }
}

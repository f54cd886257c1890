// Finds purposes whose section lists say something twice. Harmless to access, but in a security file a
// repeat or `judicial.bans` beside `judicial` usually means someone meant to narrow a grant and did not.
import type { PolicyFault } from './errors.ts';
import { pointerOf } from './json-pointer.ts';
import type { PolicyDocument } from './schema.ts';
import { splitSectionPath, type SectionPath } from './sections.ts';

export function findGrantFault(document: PolicyDocument): PolicyFault | undefined {
  for (const [consumerIndex, consumer] of document.consumers.entries()) {
    for (const [purpose, sections] of Object.entries(consumer.purposes)) {
      const fault = findRepeat(sections as readonly SectionPath[]);
      if (fault) return { pointer: pointerOf('consumers', consumerIndex, 'purposes', purpose, fault.index), message: fault.message };
    }
  }
  return undefined;
}

function findRepeat(sections: readonly SectionPath[]): { index: number; message: string } | undefined {
  for (const [index, path] of sections.entries()) {
    const first = sections.indexOf(path);
    if (first !== index) return { index, message: `repeats ${JSON.stringify(path)} (already at index ${first})` };
    const [section, part] = splitSectionPath(path);
    const whole = part === undefined ? -1 : sections.indexOf(section as SectionPath);
    if (whole !== -1) return { index, message: `is already granted by ${JSON.stringify(section)} at index ${whole}` };
  }
  return undefined;
}

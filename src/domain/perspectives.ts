import type { Perspective } from './model';

/** The mix of people the seeds describe round a co-production table. */
export const DEFAULT_PERSPECTIVES: readonly Perspective[] = [
  { id: 'lived', label: 'Lived experience' },
  { id: 'carer', label: 'Carer' },
  { id: 'staff', label: 'Staff' },
  { id: 'manager', label: 'Manager or commissioner' },
  { id: 'voluntary', label: 'Voluntary sector' },
  { id: 'other', label: 'Other' },
];

export function perspectiveLabel(perspectives: readonly Perspective[], id: string): string {
  return perspectives.find((p) => p.id === id)?.label ?? '';
}

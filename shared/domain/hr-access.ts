/** A signed-in HR person as the console knows them: the groups come from the identity provider's token. */
export interface HrViewer {
  email: string;
  name: string;
  groups: readonly string[];
}

/** HR leads also erase journeys, keep the company calendar and read reports across all of HR. */
export const isHrLead = (viewer: HrViewer): boolean => viewer.groups.includes('hr-lead');

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * HR's private notes are read by the journey's HR contact, who wrote them, and by HR leads; other HR people see
 * that there are notes, never what they say.
 */
export const mayReadPrivateNotes = (viewer: HrViewer, hr: { email: string }): boolean =>
  isHrLead(viewer) || sameAddress(viewer.email, hr.email);

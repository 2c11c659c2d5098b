/** Situation flags HR can set from what they saw during selection; the brief adapts to each. */
export const situationFlags = [
  'multiple-offers',
  'unclear-role-image',
  'conditions-concern',
  'career-change',
  'relocation',
  'new-graduate',
] as const;
export type SituationFlag = (typeof situationFlags)[number];

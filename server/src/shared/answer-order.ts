/**
 * The one order a check-in's choice answers are shown in, on the tablet (the check-in itself, its
 * results, the record, every export) and at the office: the negative first and the positive last,
 * so "yes" is always on the right. The faces set it: a picture scale runs from sad to happy, as
 * rating scales on paper do, and is stored as 1 (the saddest) upwards. Yes / not sure / no and the
 * one-to-one follow it. Summaries send these codes as the keys of a question's counts.
 */
export const ANSWER_ORDER = ['no', 'not-sure', 'yes'] as const;

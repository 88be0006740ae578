/**
 * Survey answers with the person each counts for (`credited_to`): the subscriber's representative when
 * the answer was given, as stored on the answer (filled from the subscriber by the survey_answer trigger
 * unless the writer named one). Every figure that credits an NPS or CSAT answer to someone (statements,
 * satisfaction reports, NPS per operator, follow-up lists, a subscriber's score history) reads answers
 * through this one fragment, so they all credit the same person (docs/methodology.md, "Satisfaction
 * and loyalty"). Use it as a FROM item: `FROM ${CREDITED_ANSWERS} a WHERE a.answered_on >= ...`
 * (PostgreSQL flattens it, so the conditions reach survey_answer's indexes).
 */
export const CREDITED_ANSWERS = `(SELECT sa.id, sa.subscriber_id, sa.kind, sa.score, sa.answered_on, sa.comment, sa.request_id,
                                         sa.representative_id AS credited_to
                                    FROM survey_answer sa)`;

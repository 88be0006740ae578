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

/**
 * The churn reason an answer follows (a LATERAL subquery over the answer aliased `answer`): the request the
 * answer names (an exit survey), otherwise the subscriber's latest request resolved or hidden-churn case
 * closed by the end of the day of the answer. One row with `version_id` and `code` (null when that request
 * or case has no reason), or none when the subscriber had neither.
 */
export function followedReasonSql(answer: string): string {
  return `SELECT f.version_id, f.code FROM (
            SELECT d.reason_version_id AS version_id, d.reason_code AS code, 0 AS named, d.resolved_at AS at
              FROM disconnect_request d WHERE d.id = ${answer}.request_id
            UNION ALL
            SELECT d.reason_version_id, d.reason_code, 1, d.resolved_at
              FROM disconnect_request d
             WHERE ${answer}.request_id IS NULL AND d.subscriber_id = ${answer}.subscriber_id AND d.status = 'resolved'
               AND d.resolved_at < (${answer}.answered_on + 1)::timestamp AT TIME ZONE 'UTC'
            UNION ALL
            SELECT c.reason_version_id, c.reason_code, 1, c.closed_at
              FROM hidden_churn_case c
             WHERE ${answer}.request_id IS NULL AND c.subscriber_id = ${answer}.subscriber_id AND c.closed_on <= ${answer}.answered_on
          ) f ORDER BY f.named, f.at DESC LIMIT 1`;
}

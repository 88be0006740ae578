import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser, DomainException, notFound } from '@retention/api-core';
import type { DeskDraft, RequestDraftView } from '@retention/contracts';
import { DataSource } from 'typeorm';

/**
 * Drafts of the desk: an operator's unsent work on a request, one per request and operator. Only its owner
 * reads it; it can be written only while the request is in the owner's hands (claimed by them), and the
 * resolve step deletes it in its transaction.
 */
@Injectable()
export class DraftsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(requestId: string, actor: AuthenticatedUser): Promise<RequestDraftView> {
    const [row] = await this.db.query(
      `SELECT d.id, r.data, r.updated_at FROM disconnect_request d
         LEFT JOIN request_draft r ON r.request_id = d.id AND r.user_id = $2
        WHERE d.id = $1`,
      [requestId, actor.id],
    );
    if (!row) throw notFound('Disconnect request', requestId);
    return view(requestId, row.data, row.updated_at);
  }

  async save(requestId: string, draft: DeskDraft, actor: AuthenticatedUser): Promise<RequestDraftView> {
    const data: DeskDraft = {
      statedText: draft.statedText,
      reasonCode: draft.reasonCode,
      outcome: draft.outcome,
      offerCode: draft.offerCode,
      destination: draft.destination,
      competitorId: draft.competitorId,
      effectiveDate: draft.effectiveDate,
      keptServices: draft.keptServices,
      note: draft.note,
    };
    return this.db.transaction(async (tx) => {
      // Share-locked, so that a release or a resolve does not slip in between the check and the write.
      const [req] = await tx.query(`SELECT status, assignee_id FROM disconnect_request WHERE id = $1 FOR SHARE`, [requestId]);
      if (!req) throw notFound('Disconnect request', requestId);
      if (req.status !== 'in_progress' || req.assignee_id !== actor.id) {
        throw new DomainException(409, 'not_claimed', 'Only the operator handling the request keeps a draft of it; claim it first.');
      }
      const [row] = await tx.query(
        `INSERT INTO request_draft (request_id, user_id, data) VALUES ($1, $2, $3)
         ON CONFLICT (request_id, user_id) DO UPDATE SET data = excluded.data, updated_at = app_now()
         RETURNING data, updated_at`,
        [requestId, actor.id, JSON.stringify(data)],
      );
      return view(requestId, row.data, row.updated_at);
    });
  }

  async discard(requestId: string, actor: AuthenticatedUser): Promise<void> {
    const [req] = await this.db.query(`SELECT 1 FROM disconnect_request WHERE id = $1`, [requestId]);
    if (!req) throw notFound('Disconnect request', requestId);
    await this.db.query(`DELETE FROM request_draft WHERE request_id = $1 AND user_id = $2`, [requestId, actor.id]);
  }
}

function view(requestId: string, data: DeskDraft | null, updatedAt: Date | null): RequestDraftView {
  return { requestId, draft: data ?? null, updatedAt: updatedAt ? new Date(updatedAt).toISOString() : null };
}

import { effect, inject, Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18nService } from './i18n.service';

/**
 * Material's paginator in the console language; `changes` tells every paginator to re-render on a switch.
 * Provided by the components that show a paginator (not in app.config), so Material's paginator stays out of
 * the initial bundle.
 */
@Injectable()
export class I18nPaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18nService);

  constructor() {
    super();
    effect(() => {
      const t = this.i18n;
      t.language();
      this.itemsPerPageLabel = t.t('paginator.perPage');
      this.firstPageLabel = t.t('paginator.first');
      this.lastPageLabel = t.t('paginator.last');
      this.nextPageLabel = t.t('paginator.next');
      this.previousPageLabel = t.t('paginator.previous');
      this.changes.next();
    });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const start = length === 0 ? 0 : page * pageSize + 1;
    const end = length === 0 ? 0 : Math.min((page + 1) * pageSize, length);
    return this.i18n.t('paginator.range', {
      start: this.i18n.number(start, '1.0-0'),
      end: this.i18n.number(end, '1.0-0'),
      total: this.i18n.number(length, '1.0-0'),
    });
  };
}

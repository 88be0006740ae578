import { inject, Pipe, PipeTransform } from '@angular/core';
import type { NameTranslations } from '@retention/contracts';
import { I18nService } from './i18n.service';

/**
 * A reference name (region, service, tariff, competitor) in the console language:
 * `{{ s.name | localName: s.names }}`. Impure for the same reason as `t`: it reads the language signal.
 */
@Pipe({ name: 'localName', pure: false })
export class LocalNamePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(name: string | null | undefined, names?: NameTranslations | null): string {
    return name == null ? '' : this.i18n.localName(name, names);
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { WEBHOOK_EVENT_TYPES, type WebhookEndpointView, type WebhookEventType } from '@retention/contracts';
import { I18nService, TranslatePipe, type TranslationKey } from '../../core/i18n';
import { FieldErrorPipe } from '../../shared/ui/field-error.pipe';
import { FormSubmit } from '../../shared/ui/form-submit';
import { urlValidator } from '../../shared/ui/validators';
import { WebhooksApi } from './webhooks.api';

/**
 * Add a webhook endpoint: the same dialog and save cycle as a user or a reference item (FormSubmit: the API's field
 * problems under their fields, anything else in a banner). Closes with the new endpoint, whose secret the page shows once.
 */
@Component({
  selector: 'rc-webhook-endpoint-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (submit.busy()) {
      <mat-progress-bar mode="indeterminate" class="rc-dialog-progress" />
    }
    <h2 mat-dialog-title>{{ 'webhooks.create' | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="webhook-form">
      <mat-dialog-content class="rc-dialog-form">
        @if (submit.error(); as e) {
          <div class="rc-banner rc-banner--error" role="alert"><mat-icon>error</mat-icon><span>{{ e }}</span></div>
        }
        <mat-form-field>
          <mat-label>{{ 'webhooks.url' | t }}</mat-label>
          <input matInput formControlName="url" autocomplete="off" spellcheck="false" placeholder="https://billing.example.net/hooks" data-testid="webhook-url" />
          <mat-error data-testid="webhook-url-error">{{ form.controls.url.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'webhooks.description' | t }}</mat-label>
          <input matInput formControlName="description" autocomplete="off" data-testid="webhook-description" />
          <mat-error>{{ form.controls.description.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'webhooks.events' | t }}</mat-label>
          <mat-select formControlName="eventTypes" multiple data-testid="webhook-events">
            @for (t of eventTypes; track t) {
              <mat-option [value]="t">{{ eventKey(t) | t }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.eventTypes.errors | fieldError }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="submit.busy()" data-testid="webhook-save">{{ 'common.create' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class WebhookEndpointDialog {
  private readonly api = inject(WebhooksApi);
  private readonly ref = inject(MatDialogRef<WebhookEndpointDialog, WebhookEndpointView>);
  protected readonly eventTypes = WEBHOOK_EVENT_TYPES;

  protected readonly form = inject(NonNullableFormBuilder).group({
    url: ['', [Validators.required, Validators.maxLength(2000), urlValidator]],
    description: ['', [Validators.maxLength(200)]],
    eventTypes: [[...WEBHOOK_EVENT_TYPES] as WebhookEventType[], [Validators.required]],
  });
  protected readonly submit = new FormSubmit(inject(I18nService), this.form);

  protected eventKey(t: WebhookEventType): TranslationKey {
    return `webhooks.event.${t}` as TranslationKey;
  }

  protected save(): void {
    const v = this.form.getRawValue();
    this.submit.run(
      () => this.api.createEndpoint({ url: v.url.trim(), description: v.description.trim(), eventTypes: v.eventTypes }),
      (endpoint) => this.ref.close(endpoint),
    );
  }
}

import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { DrillRequest } from './drill';
import { DrillPanelComponent } from './drill-panel.component';

/** Opens the list behind a chart, a legend row or a total as a sheet along the right edge. */
@Injectable({ providedIn: 'root' })
export class DrillService {
  private readonly dialog = inject(MatDialog);

  open(request: DrillRequest): void {
    this.dialog.closeAll();
    this.dialog.open(DrillPanelComponent, {
      data: request,
      panelClass: 'rc-drill-sheet',
      position: { right: '0', top: '0' },
      height: '100dvh',
      width: 'min(1240px, 96vw)',
      maxWidth: '96vw',
      autoFocus: 'dialog',
      ariaLabel: request.title,
    });
  }
}

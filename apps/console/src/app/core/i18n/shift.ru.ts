import type { ShiftDictionary } from './shift.en';

export const shiftRu: ShiftDictionary = {
  'alerts.button': 'Сигналы по плану',
  'alerts.buttonCount': 'Сигналы по плану: открыто {count}',
  'alerts.title': 'Сигналы по плану',
  'alerts.none': 'Открытых сигналов нет.',
  'alerts.loadError': 'Не удалось загрузить сигналы.',
  'alerts.churnPace.managed': '{service}{region}: управляемый отток идёт к {forecast} при плане {planned} (уже {actual})',
  'alerts.churnPace.unmanaged': '{service}{region}: неуправляемый отток идёт к {forecast} при плане {planned} (уже {actual})',
  'alerts.saveRate': '{service}{region}: доля удержанных {actual} при цели {planned} (решено заявок: {resolved})',
  'alerts.approvalWaiting': 'Согласование {offer} ждёт уже {minutes} мин',
  'alerts.inRegion': ', {region}',
  'alerts.raised': 'Сигнал по плану: {text}',
  'alerts.openPlan': 'Открыть план',
  'segment.edit': 'Исправить',
  'segment.note': 'Почему (что абонент сказал или сделал)',
  'segment.noteHint': 'Сохраняется вместе с изменением, вашим именем и временем',
  'segment.changedBy': 'Записал(а) {name}, {when}',
  'segment.saveError': 'Не удалось сохранить сегмент.',
  'alerts.openApprovals': 'Открыть согласования',
};

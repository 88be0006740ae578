import type { ShiftDictionary } from './shift.en';

export const shiftUk: ShiftDictionary = {
  'alerts.button': 'Сигнали щодо плану',
  'alerts.buttonCount': 'Сигнали щодо плану: відкрито {count}',
  'alerts.title': 'Сигнали щодо плану',
  'alerts.none': 'Відкритих сигналів немає.',
  'alerts.loadError': 'Не вдалося завантажити сигнали.',
  'alerts.churnPace.managed': '{service}{region}: керований відтік іде до {forecast} за плану {planned} (уже {actual})',
  'alerts.churnPace.unmanaged': '{service}{region}: некерований відтік іде до {forecast} за плану {planned} (уже {actual})',
  'alerts.saveRate': '{service}{region}: частка утриманих {actual} за мети {planned} (вирішено заявок: {resolved})',
  'alerts.approvalWaiting': 'Погодження {offer} чекає вже {minutes} хв',
  'alerts.inRegion': ', {region}',
  'alerts.raised': 'Сигнал щодо плану: {text}',
  'alerts.openPlan': 'Відкрити план',
  'segment.edit': 'Виправити',
  'segment.note': 'Чому (що абонент сказав або зробив)',
  'segment.noteHint': 'Зберігається разом зі зміною, вашим іменем і часом',
  'segment.changedBy': 'Записав(ла) {name}, {when}',
  'segment.saveError': 'Не вдалося зберегти сегмент.',
  'alerts.openApprovals': 'Відкрити погодження',
};

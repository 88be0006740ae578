import { requestIdIn, servicesToSend } from './new-request.dialog';

describe('new request dialog helpers', () => {
  it('sends no services (meaning all) when every box is ticked', () => {
    expect(servicesToSend(new Set(['internet', 'iptv']), ['internet', 'iptv'])).toEqual([]);
  });

  it('sends the ticked services in the card’s order otherwise', () => {
    expect(servicesToSend(new Set(['telephony', 'internet']), ['internet', 'iptv', 'telephony'])).toEqual(['internet', 'telephony']);
  });

  it('finds the open request the API names in a 409', () => {
    expect(requestIdIn('An open request 2d4c9f03-11e1-4618-a4f7-f32262c1de17 already covers these services.')).toBe(
      '2d4c9f03-11e1-4618-a4f7-f32262c1de17',
    );
    expect(requestIdIn('Subscriber A1 is already disconnected.')).toBeNull();
  });
});

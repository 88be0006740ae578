import { browserSuite, shoot, signIn } from '@retention/test-support';

/** An operator corrects a subscriber's temperament and activity from the card; the advice follows at once. */
describe('the card’s segment', () => {
  const web = browserSuite({ pool: true });

  it('records melancholic and passive with a note; the advice changes without a reload and the change is audited', async () => {
    const { rows: [s] } = await web.pool.query(
      `SELECT id FROM subscriber WHERE temperament = 'choleric' AND activity_segment = 'active'
          AND NOT EXISTS (SELECT 1 FROM subscriber_segment_change c WHERE c.subscriber_id = subscriber.id)
        ORDER BY account_number DESC LIMIT 1`,
    );
    await signIn(web.page, 'operator');
    await web.page.goto(`/subscribers/${s.id}`);
    const advice = web.page.getByTestId('segment-advice');
    await advice.waitFor();
    expect(await advice.innerText()).toContain('Choleric');

    await web.page.getByTestId('segment-edit').click();
    await web.page.getByTestId('segment-temperament').click();
    await web.page.getByRole('option', { name: 'Melancholic' }).click();
    await web.page.getByTestId('segment-activity').click();
    await web.page.getByRole('option', { name: 'Passive' }).click();
    await web.page.getByTestId('segment-note').fill('Asked the same thing three times');
    await shoot(web.page, 'card-segment-form-1280');
    await web.page.getByTestId('segment-save').click();

    await web.page.getByTestId('segment-changed').waitFor();
    const text = await advice.innerText();
    expect(text).toContain('Melancholic');
    expect(text).toContain('Passive');
    expect(text).not.toContain('Choleric');
    expect(await web.page.getByTestId('segment-changed').innerText()).toMatch(/Recorded by .+/);
    await shoot(web.page, 'card-segment-saved-1280');
    const { rows } = await web.pool.query(`SELECT temperament_to, activity_to, note FROM subscriber_segment_change WHERE subscriber_id = $1`, [s.id]);
    expect(rows).toEqual([{ temperament_to: 'melancholic', activity_to: 'passive', note: 'Asked the same thing three times' }]);
  });
});

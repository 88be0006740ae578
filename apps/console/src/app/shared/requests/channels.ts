/** An icon for each way a request comes in (REQUEST_CHANNELS); anything else gets the inbox. */
export const CHANNEL_ICONS: Readonly<Partial<Record<string, string>>> = {
  phone: 'call',
  office: 'storefront',
  web: 'language',
  email: 'mail',
  api: 'api',
};

export function channelIcon(channel: string): string {
  return CHANNEL_ICONS[channel] ?? 'inbox';
}

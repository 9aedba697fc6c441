/**
 * Text messages (verification codes) go through a pluggable sender. The built-in one writes the
 * message to the server log for development and demos; it refuses to work in production, where a
 * real gateway must be plugged in through `buildApp({ smsSender })`.
 */
export interface SmsSender {
  readonly name: string;
  /** False when this sender must not be used in the current mode. */
  usable(): boolean;
  send(phone: string, text: string): Promise<void>;
}

export function logSmsSender(production: boolean, log: (line: string) => void): SmsSender {
  return {
    name: 'log',
    usable: () => !production,
    async send(phone, text) {
      // The phone is masked even here: logs never hold personal data in plain form.
      log(`[sms:log] to ${phone.slice(0, 3)}****${phone.slice(-4)}: ${text}`);
    },
  };
}

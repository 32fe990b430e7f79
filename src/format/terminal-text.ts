// ANSI/VT escape sequences (CSI, OSC, and two-character escapes), then any other C0/C1 control
// character and the bidirectional overrides that can make text read differently than it is stored.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Makes text from a manifest safe to print on a terminal: one line, no escapes, no controls. */
export function terminalText(text: string): string {
  // Almost all text has nothing to remove; one scan says so (every escape sequence starts with a control character).
  if (!UNSAFE.test(text)) return text;
  return text
    .replace(/\r\n|\r|\n|\t/g, ' ')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(CONTROL, '');
}

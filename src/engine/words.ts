/** Small pieces of wording every reason is built from: paths, values and lists of them as text. */
export { pathText } from '../path.js';

export function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : value.map(valueText).join(', ');
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** `a, b or c` (or `and`): a list as a person would say it. */
export function alternatives(values: readonly unknown[], word: 'or' | 'and'): string {
  const texts = values.map(valueText);
  if (texts.length <= 1) return texts.join('');
  return `${texts.slice(0, -1).join(', ')} ${word} ${texts.at(-1)}`;
}

import { jsonText } from '../../format/escape.js';
import type { DiffFormatter } from './registry.js';

export const diffJson: DiffFormatter = { name: 'json', render: (diff) => jsonText(diff) };

/** Where a word too long for its line may be broken: after a path's dot, a URL's slash or a hyphen. */
const BREAK_AFTER = /(?<=[./-])(?=.)/;

/**
 * Plain one-line text broken into lines of at most `width` characters, at spaces; a word longer
 * than a line is broken after a dot, slash or hyphen (`web_interface.` / `file_management`), and
 * only a part still too long is cut.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const pieces = word.length > width ? packPieces(word.split(BREAK_AFTER), width) : [word];
    pieces.forEach((piece, index) => {
      // The first piece of a word follows a space; the others continue the word.
      const joined = line === '' ? piece : index === 0 ? `${line} ${piece}` : `${line}${piece}`;
      if (joined.length <= width || line === '') line = joined;
      else {
        lines.push(line);
        line = piece;
      }
    });
  }
  lines.push(line);
  return lines;
}

/** The parts of a word, each at most `width` long: parts that fit are kept whole, longer ones cut. */
function packPieces(parts: string[], width: number): string[] {
  return parts.flatMap((part) =>
    part.length <= width ? [part] : (part.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [part]),
  );
}

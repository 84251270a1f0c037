/** 1-based line of a character offset; only called when reporting an error. */
export function lineAt(src: string, pos: number): number {
  let line = 1;
  const end = Math.min(pos, src.length);
  for (let k = src.indexOf('\n'); k >= 0 && k < end; k = src.indexOf('\n', k + 1)) line++;
  return line;
}

/** Bodies built to find slow paths in the readers: each is about `size` characters. */
export function adversarialBodies(size: number): Record<string, string> {
  const fill = (unit: string) => unit.repeat(Math.max(1, Math.floor(size / unit.length)));
  return {
    'heading + spaces': `# x${' '.repeat(size)}y`,
    'form heading + spaces': `### Contact Email${' '.repeat(size)}y`,
    'tabs and spaces': `### x${'\t '.repeat(Math.floor(size / 2))}y`,
    'unclosed comments': fill('<!--'),
    'open brackets': fill('['),
    'unclosed links': fill('[a]('),
    'emphasis runs': fill('*a'),
    'bold labels': fill('- **a**b'),
    underscores: fill('a_ '),
    'nested quotes': fill('>'),
    'backtick runs': fill('`a``b```c'),
    fences: fill('```\n'),
    'command lines': fill('/report uptime=99 tasks=1/2\n'),
    headings: fill('### Relevant Experience (describe)\n\n'),
    'blank lines': fill('\n'),
    'blank answer, then headings': `### Relevant Experience (describe)\n${'\n'.repeat(size / 2)}${'### Prior work\n'.repeat(size / 30)}- **Prior work**: none`,
    'spaces lines': fill('    \n'),
    colons: fill('a:'),
    'report keys': fill('uptime='),
    'report pairs': fill('uptime: 9 '),
    numbers: fill('1,'),
    'specs separators': fill('2 vCPU / '),
    hints: fill('(e.g'),
    'no response': fill('_No response_\n'),
    'html tags': fill('<a '),
    'lazy quotes': fill('> a\n/approve\n'),
  };
}

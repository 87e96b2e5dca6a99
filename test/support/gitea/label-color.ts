const COLOR = /^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

export function normalizeColor(color: string): string | undefined {
  const hex = COLOR.exec(color)?.[1]?.toLowerCase();
  if (!hex) return undefined;
  return `#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex}`;
}

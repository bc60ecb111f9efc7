/** A block of pre-rendered lines, exactly `height` rows tall: the building block of every view. */
import { Box, Text } from 'ink';

export interface LinesProps {
  lines: readonly string[];
  height: number;
  /** Index in `lines` shown inverted (the cursor). */
  selected?: number;
}

export function Lines({ lines, height, selected }: LinesProps) {
  const shown = lines.slice(0, Math.max(0, height));
  return (
    <Box flexDirection="column" height={Math.max(0, height)} overflow="hidden">
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end" inverse={i === selected}>
          {line === '' ? ' ' : line}
        </Text>
      ))}
    </Box>
  );
}

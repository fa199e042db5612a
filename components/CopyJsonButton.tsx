import { CopyButton } from './CopyButton';

export interface CopyJsonButtonProps {
  /** The JSON exactly as it should land on the clipboard. */
  text: string;
  copy: (text: string) => Promise<void>;
}

/** **Copy JSON**: "Copied" for ~2 s (announced), or "Copy failed" with the JSON in a box to copy by hand. */
export function CopyJsonButton({ text, copy }: CopyJsonButtonProps) {
  return <CopyButton text={text} copy={copy} label="Copy JSON" fallbackLabel="JSON to copy by hand" />;
}

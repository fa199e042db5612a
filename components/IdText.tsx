import { label } from '@/lib/json-fields';
import { codePieces, idPieces } from '@/lib/text-breaks';
import { CopyButton } from './CopyButton';

/**
 * Pieces as inline blocks: a line breaks between them, never inside one, unless a piece is wider than
 * the whole box (a narrow popup, a hostile id); then it wraps inside itself rather than overflow.
 */
function Pieces({ pieces }: { pieces: readonly string[] }) {
  return (
    <>
      {pieces.map((piece, i) => (
        <span key={i} class="pl-piece">{piece}</span>
      ))}
    </>
  );
}

/** An id or domain as plain text that wraps at its dots only (never inside the hex), in the surrounding font. */
export function IdBreaks({ id }: { id: string }) {
  return <Pieces pieces={idPieces(label(id))} />;
}

/** A job id or request id in monospace, wrapping at its dots only. */
export function IdText({ id }: { id: string }) {
  return <span class="pl-mono"><IdBreaks id={id} /></span>;
}

/** An error code, wrapping between its words ("Authorization_ Request Denied"), never mid-word. */
export function CodeText({ code }: { code: string }) {
  return <span class="pl-mono"><Pieces pieces={codePieces(label(code))} /></span>;
}

export interface CopyableIdProps {
  id: string;
  /** "Job ID", "Request ID": names the copy button and the hand-copy box. */
  name: string;
  copy?: (text: string) => Promise<void>;
}

/** An id with a visible Copy button beside it (not under it), on one row that wraps the id first. */
export function CopyableId({ id, name, copy }: CopyableIdProps) {
  return (
    <span class="pl-id">
      <IdText id={id} />
      {copy && <CopyButton text={id} copy={copy} label="Copy" name={`Copy ${name.charAt(0).toLowerCase()}${name.slice(1)}`} class="pl-btn pl-btn-small" fallbackLabel={name} />}
    </span>
  );
}

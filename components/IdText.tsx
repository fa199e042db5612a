import { idPieces } from '@/lib/text-breaks';

/** An id or domain as text, with a break opportunity (<wbr>) after each dot (lib/text-breaks). */
export function IdText({ id }: { id: string }) {
  const pieces = idPieces(id);
  if (pieces.length === 1) return <>{id}</>;
  return <>{pieces.map((piece, i) => (i === 0 ? piece : [<wbr key={i} />, piece]))}</>;
}

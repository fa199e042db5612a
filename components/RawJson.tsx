import { useState } from 'preact/hooks';
import { Breakable, ExpandableText } from './ExpandableText';

export interface RawJsonProps {
  /** Parsed JSON (the job as Graph returned it). */
  value: unknown;
  /** Containers nested deeper than this show "…" instead of their content (Copy JSON has it all). */
  maxDepth?: number;
  /** Containers shallower than this start expanded. */
  openDepth?: number;
  /** Longer strings are cut behind "Show more". */
  stringLimit?: number;
}

interface Limits {
  maxDepth: number;
  openDepth: number;
  stringLimit: number;
}

/** Children rendered per batch, so a 100,000-item array does not freeze the page. */
const BATCH = 200;

function Scalar({ value, limits }: { value: unknown; limits: Limits }) {
  if (typeof value === 'string')
    return <ExpandableText text={JSON.stringify(value)} limit={limits.stringLimit} class="pl-json-string" />;
  if (typeof value === 'number') return <span class="pl-json-number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span class="pl-json-boolean">{String(value)}</span>;
  return <span class="pl-json-null">{value === null ? 'null' : String(value)}</span>;
}

interface NodeProps {
  path: string;
  name: string | null;
  value: unknown;
  depth: number;
  last: boolean;
  limits: Limits;
}

function JsonNode({ path, name, value, depth, last, limits }: NodeProps) {
  const isArray = Array.isArray(value);
  const isObject = isArray || (typeof value === 'object' && value !== null);
  const [open, setOpen] = useState(depth < limits.openDepth);
  const [shown, setShown] = useState(BATCH);
  const entries = isObject ? Object.entries(value as object) : [];
  const [start, end] = isArray ? ['[', ']'] : ['{', '}'];
  const size = isArray ? `${entries.length} ${entries.length === 1 ? 'item' : 'items'}` : `${entries.length} ${entries.length === 1 ? 'key' : 'keys'}`;

  return (
    <li>
      {isObject && depth < limits.maxDepth && entries.length > 0 && (
        <button type="button" class="pl-json-toggle" aria-expanded={open} aria-label={`${path} (${isArray ? 'array' : 'object'}, ${size})`} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        </button>
      )}
      {name !== null && (
        <>
          <span class="pl-json-key"><Breakable text={JSON.stringify(name)} /></span>
          <span class="pl-json-punct">: </span>
        </>
      )}
      {!isObject ? (
        <Scalar value={value} limits={limits} />
      ) : depth >= limits.maxDepth ? (
        <span class="pl-json-more" title="Nested too deep to show here; Copy JSON has all of it">{start}…{end}</span>
      ) : (
        <>
          <span class="pl-json-punct">{start}</span>
          {open && entries.length > 0 ? (
            <ul>
              {entries.slice(0, shown).map(([key, child], i) => (
                <JsonNode
                  key={key}
                  path={isArray ? `${path}[${key}]` : depth === 0 ? key : `${path}.${key}`}
                  name={isArray ? null : key}
                  value={child}
                  depth={depth + 1}
                  last={i === entries.length - 1}
                  limits={limits}
                />
              ))}
              {entries.length > shown && (
                <li>
                  <button type="button" class="pl-btn-link" onClick={() => setShown(shown + BATCH)}>
                    Show {Math.min(BATCH, entries.length - shown)} more of {entries.length - shown} remaining
                  </button>
                </li>
              )}
            </ul>
          ) : (
            entries.length > 0 && <span class="pl-json-summary"> {size} </span>
          )}
          <span class="pl-json-punct">{end}</span>
        </>
      )}
      {!last && <span class="pl-json-punct">,</span>}
    </li>
  );
}

/** A collapsible, read-only JSON tree built from text nodes only. */
export function RawJson({ value, maxDepth = 24, openDepth = 2, stringLimit = 1000 }: RawJsonProps) {
  return (
    <div class="pl-json" role="group" aria-label="Raw JSON">
      <ul class="pl-json-root">
        <JsonNode path="JSON" name={null} value={value} depth={0} last limits={{ maxDepth, openDepth, stringLimit }} />
      </ul>
    </div>
  );
}

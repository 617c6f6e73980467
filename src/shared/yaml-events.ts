// Positions of a file read through the fast path (yaml-source.ts): js-yaml's parser gives a flat list of
// events that name source offsets (`parseEvents`, public API since js-yaml 5); the value is constructed from
// them and, only when a diagnostic asks where a node is, this index of the same events answers. So a file
// is parsed once, by one parser, whatever the diagnostics. Positions follow the `yaml` library's node
// ranges (a quoted scalar starts at its quote, a block scalar at its `|`/`>` indicator): a differential
// test holds both parsers to the same answers on every YAML file the project has.
import { EVENT_ID, SCALAR_STYLE, getScalarValue, type Event, type ScalarEvent } from 'js-yaml';

/** A node of the index: where it starts and, for a collection, its children. */
interface IndexedNode {
  start: number;
  /** A mapping's entries by key (scalar keys only: a JSON pointer cannot name another). */
  entries?: Map<string, { keyStart: number; node: IndexedNode }>;
  /** A sequence's items. */
  items?: IndexedNode[];
}

interface OpenCollection {
  node: IndexedNode;
  /** In a mapping: the key read and waiting for its value. */
  key?: { text: string | undefined; start: number };
}

const QUOTED: ReadonlySet<number> = new Set([SCALAR_STYLE.SINGLE_QUOTED, SCALAR_STYLE.DOUBLE_QUOTED]);
const BLOCK: ReadonlySet<number> = new Set([SCALAR_STYLE.LITERAL_BLOCK, SCALAR_STYLE.FOLDED_BLOCK]);
const BLOCK_HEADER = /[|>][-+1-9]{0,2}[ \t]*(?:#.*)?$/;

/** Where a scalar starts as the `yaml` library counts it: at its opening quote, or its block indicator. */
function scalarStart(text: string, event: ScalarEvent): number {
  if (QUOTED.has(event.style)) return event.valueStart - 1;
  if (!BLOCK.has(event.style)) return event.valueStart;
  // The content starts on the line after the header (`key: |-  # comment`): find the indicator there.
  const headerEnd = text.lastIndexOf('\n', event.valueStart - 1);
  const headerStart = text.lastIndexOf('\n', headerEnd - 1) + 1;
  const match = BLOCK_HEADER.exec(text.slice(headerStart, headerEnd));
  return match ? headerStart + match.index : event.valueStart;
}

/** The root node of the first document, built from its events. */
export function indexEvents(text: string, events: readonly Event[]): IndexedNode | undefined {
  const open: OpenCollection[] = [];
  let root: IndexedNode | undefined;
  const attach = (node: IndexedNode, keyText: () => string | undefined): void => {
    const parent = open.at(-1);
    if (!parent) root ??= node;
    else if (parent.node.items) parent.node.items.push(node);
    else if (!parent.key) parent.key = { text: keyText(), start: node.start };
    else {
      if (parent.key.text !== undefined) parent.node.entries?.set(parent.key.text, { keyStart: parent.key.start, node });
      parent.key = undefined;
    }
  };
  for (const event of events) {
    if (event.type === EVENT_ID.SCALAR) {
      attach({ start: scalarStart(text, event) }, () => getScalarValue(text, event));
    } else if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const node: IndexedNode = event.type === EVENT_ID.MAPPING ? { start: event.start, entries: new Map() } : { start: event.start, items: [] };
      attach(node, () => undefined);
      open.push({ node });
    } else if (event.type === EVENT_ID.ALIAS) {
      attach({ start: event.anchorStart - 1 }, () => undefined);
    } else if (event.type === EVENT_ID.POP && open.length > 0) {
      open.pop();
    }
  }
  return root;
}

/** The offset a JSON pointer's node starts at (its key's, for a map entry), or its closest ancestor's. */
export function offsetOf(root: IndexedNode | undefined, segments: readonly string[]): number | undefined {
  let node = root;
  let best = root?.start;
  for (const segment of segments) {
    const entry = node?.entries?.get(segment);
    const item = entry ? undefined : node?.items?.[Number(segment)];
    if (entry) {
      best = entry.keyStart;
      node = entry.node;
    } else if (item) {
      best = item.start;
      node = item;
    } else {
      break;
    }
  }
  return best;
}

/** 1-based line and column of offsets in a text (the line starts are found once, on first use). */
export function lineCounter(text: string): (offset: number) => { line: number; col: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (starts[lo] ?? 0) + 1 };
  };
}

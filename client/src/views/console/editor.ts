/**
 * The query editor: CodeMirror 6 with Neo4j's Cypher support (highlighting, completion from the schema,
 * syntax lint), Ctrl/Cmd+Enter to run, and a mark where the server says the query is wrong.
 */
import { Prec, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, keymap } from '@codemirror/view';
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';

export interface EditorSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  parameters: string[];
}

const setServerError = StateEffect.define<{ from: number; to: number; message: string } | null>();

/** The server's error position as a mark; any edit clears it (the text it pointed at may be gone). */
const serverError = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    let next = transaction.docChanged ? Decoration.none : marks;
    for (const effect of transaction.effects) {
      if (!effect.is(setServerError)) continue;
      next = effect.value
        ? Decoration.set([
            Decoration.mark({
              class: 'cm-server-error',
              attributes: { title: effect.value.message, 'data-offset': String(effect.value.from) },
            }).range(effect.value.from, effect.value.to),
          ])
        : Decoration.none;
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export class QueryEditor {
  readonly #api: EditorApi;
  #schema: EditorSchema = { labels: [], relationshipTypes: [], propertyKeys: [], parameters: [] };

  constructor(parent: HTMLElement, value: string, onRun: () => void, label: string) {
    // The package's types say it returns the EditorApi; at run time (1.0.3) it returns { editor: EditorApi }.
    const created = createCypherEditor(parent, {
      value,
      autofocus: false,
      lint: true,
      lineWrapping: true,
      tabKey: false, // Tab leaves the editor, so the keyboard is never trapped
      theme: 'light',
      placeholder: 'MATCH (p:Party)-[:HOLDS]->(x:Position) RETURN p, x LIMIT 25',
      lineNumberFormatter: (line) => String(line),
      preExtensions: [
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                onRun();
                return true;
              },
            },
          ]),
        ),
        serverError,
        EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
      ],
    }) as EditorApi | { editor: EditorApi };
    this.#api = 'editor' in created ? created.editor : created;
  }

  get value(): string {
    return this.#api.codemirror.state.doc.toString();
  }

  set value(text: string) {
    this.#api.setValue(text);
  }

  focus(): void {
    this.#api.focus();
  }

  setSchema(change: Partial<EditorSchema>): void {
    this.#schema = { ...this.#schema, ...change };
    this.#api.setSchema({ ...this.#schema, parameters: this.#schema.parameters });
  }

  /** Marks the word at `offset` (0-based, as the server reports it) and puts the cursor there. */
  markError(offset: number, message: string): void {
    const doc = this.#api.codemirror.state.doc;
    if (doc.length === 0) return;
    const from = Math.max(0, Math.min(offset, doc.length - 1));
    let to = from + 1;
    const text = doc.toString();
    while (to < text.length && /\w/.test(text.charAt(to)) && /\w/.test(text.charAt(from))) to++;
    this.#api.codemirror.dispatch({
      effects: setServerError.of({ from, to, message }),
      selection: { anchor: from },
      scrollIntoView: true,
    });
  }

  clearError(): void {
    this.#api.codemirror.dispatch({ effects: setServerError.of(null) });
  }
}

// The globals Decap CMS's prebuilt bundle (node_modules/decap-cms/dist/decap-cms.js) puts on
// window, typed only as far as the admin uses them. React comes with the bundle as `h`/`createClass`.

/** Decap hands entries and field settings over as Immutable.js maps. */
export interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  has(key: string): boolean;
  delete(key: string): ImmutableMap;
  toJS?(): unknown;
}

export type Element = unknown;
export type H = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;

export interface WidgetProps {
  value: unknown;
  field: ImmutableMap;
  onChange: (value: unknown) => void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
}

export interface PreviewProps {
  entry: ImmutableMap;
  fieldsMetaData?: ImmutableMap;
  widgetFor: (name: string) => Element;
  getAsset: (path: string) => { toString(): string };
}

export interface EditorComponent {
  id: string;
  label: string;
  fields: Array<Record<string, unknown>>;
  pattern: RegExp;
  fromBlock: (match: RegExpMatchArray) => Record<string, unknown>;
  toBlock: (data: Record<string, unknown>) => string;
  toPreview: (data: Record<string, unknown>) => string;
}

export interface RegisteredWidget {
  control: unknown;
  preview?: unknown;
  schema?: unknown;
  globalStyles?: unknown;
  allowMapValue?: boolean;
}

export interface Decap {
  init(options: { config: Record<string, unknown> }): void;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  registerWidget(widget: {
    name: string;
    controlComponent: unknown;
    previewComponent?: unknown;
    schema?: unknown;
    globalStyles?: unknown;
    allowMapValue?: boolean;
  }): void;
  getWidget(name: string): RegisteredWidget | undefined;
  registerEditorComponent(component: EditorComponent): void;
  registerPreviewTemplate(collection: string, component: unknown): void;
  registerPreviewStyle(href: string): void;
  registerEventListener(listener: {
    name: 'preSave' | 'prePublish';
    handler: (args: { entry: ImmutableMap }) => unknown;
  }): void;
}

interface DecapWindow {
  CMS: Decap;
  h: H;
  createClass: (spec: Record<string, unknown>) => unknown;
}

const decapWindow = window as unknown as DecapWindow;
export const CMS = decapWindow.CMS;
export const h = decapWindow.h;
export const createClass = decapWindow.createClass;

/** Plain data from an Immutable value (or the value itself). */
export function toJs<T = unknown>(value: unknown): T {
  return (value && typeof (value as ImmutableMap).toJS === 'function' ? (value as ImmutableMap).toJS?.() : value) as T;
}

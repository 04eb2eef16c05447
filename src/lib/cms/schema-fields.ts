// Turns a Zod schema into Decap CMS fields through Zod's public JSON Schema export, so the CMS
// asks for exactly what the build accepts: names and order, required or not, patterns, lengths,
// options, numbers' ranges and list sizes all come from src/schemas. Only what a schema cannot
// say (labels, hints, a few widgets) comes from the UI map in ./ui.ts.
import { z } from 'astro/zod';

/** The part of JSON Schema that Zod emits for our schemas. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: Array<string | number>;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  /** Set with `.meta({ widget })` by the schema helpers for images and references. */
  widget?: string;
  collection?: string;
}

/** One Decap field, as written in config.yml. */
export type DecapField = Record<string, unknown> & { name: string; label: string; widget: string };

/** What the UI map may say about one field. `fields` describes the sub-fields of objects and lists. */
export interface FieldUi {
  label: string;
  hint?: string;
  /** A widget that the schema cannot imply (text, markdown, review-date, relation). */
  widget?: string;
  /** Shown when the pattern does not match: say what to type, not what went wrong. */
  patternMessage?: string;
  /** Labels for enum values, in the order editors should see them. */
  optionLabels?: Record<string, string>;
  /** Decap options passed through unchanged (summary, collapsed, choose_url, search_fields, ...). */
  extra?: Record<string, unknown>;
  /** Sub-fields of an object, or of the objects in a list. */
  fields?: Record<string, FieldUi>;
  /** The single field of a list of plain values (name and label of one item). */
  item?: { name: string; label: string; patternMessage?: string };
}

export type UiMap = Record<string, FieldUi>;

/** The JSON Schema of a Zod schema as Decap reads data: the input side, before defaults apply. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const lengthPattern = (min = 0, max?: number) => `^[\\s\\S]{${min},${max ?? ''}}$`;

function lengthMessage(min = 0, max?: number): string {
  if (max !== undefined && min > 0) return `Use ${min}–${max} characters.`;
  if (max !== undefined) return `Use at most ${max} characters.`;
  return min > 1 ? `Use at least ${min} characters.` : 'This cannot be empty.';
}

/** Decap's `pattern: [regex, message]` for a string schema, or nothing when anything goes. */
function stringPattern(schema: JsonSchema, ui?: { patternMessage?: string }): [string, string] | undefined {
  if (schema.pattern) return [schema.pattern, ui?.patternMessage ?? 'Check the format of this value.'];
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    return [
      lengthPattern(schema.minLength, schema.maxLength),
      ui?.patternMessage ?? lengthMessage(schema.minLength, schema.maxLength),
    ];
  }
  return undefined;
}

function options(values: Array<string | number>, labels: Record<string, string> = {}) {
  return values.map((value) => ({ label: labels[String(value)] ?? String(value), value }));
}

const DATE_WIDGET = {
  widget: 'datetime',
  format: 'YYYY-MM-DD',
  date_format: 'YYYY-MM-DD',
  time_format: false,
  picker_utc: true,
};

/** One Decap field from one property of a JSON Schema object. */
export function decapField(name: string, schema: JsonSchema, required: boolean, ui: FieldUi | undefined): DecapField {
  if (!ui) throw new Error(`the CMS UI map has no label for "${name}": add it to src/lib/cms/ui.ts`);
  const field: DecapField = { name, label: ui.label, widget: 'string' };
  if (!required) field.required = false;
  if (ui.hint) field.hint = ui.hint;
  if (schema.default !== undefined && !Array.isArray(schema.default)) field.default = schema.default;

  if (schema.type === 'object') {
    field.widget = 'object';
    field.fields = decapFields(schema, ui.fields ?? {});
  } else if (schema.type === 'array') {
    const items = schema.items ?? {};
    if (items.enum) {
      field.widget = 'select';
      field.multiple = true;
      field.options = options(items.enum, ui.optionLabels);
      if (schema.minItems) field.min = schema.minItems;
      if (schema.maxItems !== undefined) field.max = schema.maxItems;
    } else {
      field.widget = 'list';
      if (schema.minItems) field.min = schema.minItems;
      if (schema.maxItems !== undefined) field.max = schema.maxItems;
      if (items.type === 'object') {
        field.fields = decapFields(items, ui.fields ?? {});
      } else {
        const item = ui.item ?? { name: 'item', label: ui.label };
        // A single `field` makes Decap write a list of plain values rather than of objects.
        field.field = decapField(item.name, items, true, {
          label: item.label,
          patternMessage: item.patternMessage,
        });
      }
    }
  } else if (schema.enum) {
    field.widget = 'select';
    field.options = options(schema.enum, ui.optionLabels);
  } else if (schema.type === 'integer' || schema.type === 'number') {
    field.widget = 'number';
    field.value_type = schema.type === 'integer' ? 'int' : 'float';
    if (schema.minimum !== undefined) field.min = schema.minimum;
    if (schema.maximum !== undefined) field.max = schema.maximum;
  } else if (schema.type === 'boolean') {
    field.widget = 'boolean';
  } else if (schema.widget === 'image') {
    field.widget = 'image';
    field.choose_url = false;
  } else if (schema.widget === 'relation') {
    field.widget = 'relation';
    field.collection = schema.collection;
    field.value_field = '{{slug}}';
  } else if (schema.format === 'date') {
    Object.assign(field, DATE_WIDGET);
  } else {
    const pattern = stringPattern(schema, ui);
    if (pattern) field.pattern = pattern;
  }

  if (ui.widget) field.widget = ui.widget;
  Object.assign(field, ui.extra);
  return field;
}

/** The fields of a JSON Schema object, in the schema's key order (the order Decap writes them in). */
export function decapFields(schema: JsonSchema, ui: UiMap): DecapField[] {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, property]) =>
    decapField(name, property, required.has(name) && property.default === undefined, ui[name]),
  );
  const unknown = Object.keys(ui).filter((name) => !schema.properties?.[name]);
  if (unknown.length > 0) {
    throw new Error(`the CMS UI map names fields the schema does not have: ${unknown.join(', ')}`);
  }
  return fields;
}

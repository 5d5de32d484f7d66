/**
 * Figures of jurisdiction-wide parameters entered by administrators (鄂州市城市在岗职工平均工资 and the
 * like, see `suppliedParameters` in `@shequ/policy`). Every entry is kept: a correction is a later
 * entry, so the history shows what the checks used on any day.
 */
import {
  bigserial,
  date,
  index,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

export const parameterValues = pgTable(
  'parameter_values',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The jurisdiction the figure is for (6, 9 or 12 digits); a lower one's figure wins inside it. */
    jurisdictionCode: varchar('jurisdiction_code', { length: 12 }).notNull(),
    /** The parameter's name in its pack (`cityAverageWage`). */
    name: text('name').notNull(),
    /** In the parameter's unit, exact: two decimal places at most (元 to the 分). */
    value: numeric('value', { precision: 14, scale: 2, mode: 'string' }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** 文件名、公布机关. */
    source: text('source').notNull(),
    enteredBy: uuid('entered_by').notNull(),
    enteredByName: text('entered_by_name').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('parameter_values_jurisdiction_idx').on(t.jurisdictionCode, t.name, t.effectiveFrom),
    index('parameter_values_entered_idx').on(t.enteredAt),
  ],
);

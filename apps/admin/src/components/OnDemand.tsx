/**
 * Parts of a page that most visits never show, fetched when they are first needed instead of with the
 * page: antd's Result (its 403/404/500 illustrations are ~9 KB compressed, shown only when something went
 * wrong) and forms that open in a modal or drawer (a DatePicker alone is ~30 KB).
 */
import type { DatePickerProps, ResultProps } from 'antd';
import { Skeleton } from 'antd';
import type { RangePickerProps } from 'antd/es/date-picker/index.js';
import { type ComponentType, lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';

const AntResult = lazy(() => import('antd/es/result/index.js'));
// Typed as used here (a date picker of one day): the generic picker's own type does not survive lazy().
const AntDatePicker = lazy(() =>
  import('antd/es/date-picker/index.js').then((module) => ({
    default: module.default as ComponentType<DatePickerProps>,
  })),
);
let rangePickerModule: Promise<{ default: ComponentType<RangePickerProps> }> | undefined;
/** Starts fetching antd's RangePicker (once), e.g. when the pointer comes over the field that shows it. */
export function preloadRangePicker() {
  rangePickerModule ??= import('antd/es/date-picker/index.js').then((module) => ({
    default: module.default.RangePicker,
  }));
  return rangePickerModule;
}
export const AntRangePicker = lazy(preloadRangePicker);

/** antd's Result, loaded when one is shown. */
export function Result(props: ResultProps) {
  return (
    <Suspense fallback={null}>
      <AntResult {...props} />
    </Suspense>
  );
}

/**
 * Renders `children` (a lazy modal or drawer) from the first time `open` is true on, and keeps it
 * mounted after, so its closing animation and state behave as if it had been there all along.
 */
export function WhenOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null;
}

/**
 * Renders `children` (a lazy section below the first screen) once its place comes into view, and keeps
 * it after; until then a skeleton holds the place. Without IntersectionObserver it renders at once.
 * No margin of reach: on a desk the sections near the first screen would then load with every visit.
 */
export function WhenVisible({ children }: { children: ReactNode }) {
  const place = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (seen) return;
    const element = place.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  const skeleton = <Skeleton active />;
  return seen ? <Suspense fallback={skeleton}>{children}</Suspense> : <div ref={place}>{skeleton}</div>;
}

/** A field's place while its picker loads: the height of an input, no label, nothing to type into. */
const pickerFallback = <Skeleton.Input active size="default" />;

/**
 * antd's DatePicker, loaded when a page first shows one (inside a Form.Item it receives `value` and
 * `onChange` as the picker itself would).
 */
export function DatePicker(props: DatePickerProps) {
  return (
    <Suspense fallback={pickerFallback}>
      <AntDatePicker {...props} />
    </Suspense>
  );
}

/** antd's DatePicker.RangePicker, loaded when a page first shows one. */
export function RangePicker(props: RangePickerProps) {
  return (
    <Suspense fallback={pickerFallback}>
      <AntRangePicker {...props} />
    </Suspense>
  );
}

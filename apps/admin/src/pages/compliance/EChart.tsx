/**
 * A small React wrapper around ECharts: one chart instance per element, options replaced on change,
 * resized with its container. ECharts (only the bar chart and the components the console uses, see
 * `echarts-bar.ts`) outweighs any page that shows a chart, so it is fetched on demand: a chart shows a
 * 显示图表 button until the reader asks for charts once; from then on (remembered in this browser) each
 * chart is fetched when it comes near the screen. The element carries the chart's description
 * (`ariaLabel`) either way.
 */

import { Button, theme } from 'antd';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, ECElementEvent, ECharts } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

export type BarChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface EChartProps {
  option: BarChartOption;
  height: number;
  onClick?: (event: ECElementEvent) => void;
  /** For tests and assistive technology: what the chart shows. */
  ariaLabel: string;
  testId?: string;
}

/**
 * The option as drawn: without ECharts' grow animation for a person who asked their system for reduced
 * motion (and for screenshots, which would otherwise catch bars half grown).
 */
function asDrawn(option: BarChartOption): BarChartOption {
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
  return reduced ? { ...option, animation: false } : option;
}

/** How far below the screen a chart starts loading, so it is usually drawn by the time it shows. */
const LOAD_AHEAD = '300px';

/** Where the browser remembers that its reader wants charts drawn without asking. */
const CHARTS_WANTED_KEY = 'shequ.charts';
/** The height of a chart's box before charts are asked for: room for the button, not for the chart. */
const ASK_HEIGHT = 96;

function chartsWantedBefore(): boolean {
  try {
    return window.localStorage.getItem(CHARTS_WANTED_KEY) === 'shown';
  } catch {
    return false;
  }
}

let chartsWanted = chartsWantedBefore();
const wantListeners = new Set<() => void>();

/** The reader asked for charts: every chart on the page draws, and later pages draw theirs unasked. */
function wantCharts(): void {
  chartsWanted = true;
  try {
    window.localStorage.setItem(CHARTS_WANTED_KEY, 'shown');
  } catch {
    // A browser without storage asks again after a reload.
  }
  for (const listener of wantListeners) listener();
}

/** Whether charts are drawn on this page, turning true when any chart's button is pressed. */
function useChartsWanted(): [boolean, () => void] {
  const [wanted, setWanted] = useState(chartsWanted);
  useEffect(() => {
    if (wanted) return;
    const listener = () => setWanted(true);
    wantListeners.add(listener);
    if (chartsWanted) setWanted(true);
    return () => {
      wantListeners.delete(listener);
    };
  }, [wanted]);
  return [wanted, wantCharts];
}

export function EChart({ option, height, onClick, ariaLabel, testId }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [drawn, setDrawn] = useState(false);
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;
  const latestOption = useRef(option);
  latestOption.current = option;
  const [wanted, askForCharts] = useChartsWanted();

  useEffect(() => {
    const node = element.current;
    if (!node || !wanted) return;
    let resize: ResizeObserver | undefined;
    let cancelled = false;
    const near = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        near.disconnect();
        void import('./echarts-bar.js').then(({ init }) => {
          if (cancelled) return;
          const instance = init(node, undefined, { renderer: 'canvas' });
          chart.current = instance;
          instance.on('click', (event) => clickHandler.current?.(event as ECElementEvent));
          instance.setOption(asDrawn(latestOption.current), { notMerge: true });
          resize = new ResizeObserver(() => instance.resize());
          resize.observe(node);
          setDrawn(true);
        });
      },
      { rootMargin: LOAD_AHEAD },
    );
    near.observe(node);
    return () => {
      cancelled = true;
      near.disconnect();
      resize?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [wanted]);

  useEffect(() => {
    chart.current?.setOption(asDrawn(option), { notMerge: true });
  }, [option]);

  // ECharts owns the inner element; the placeholder lies over it rather than inside it.
  return (
    <div style={{ position: 'relative', width: '100%', height: wanted ? height : ASK_HEIGHT }}>
      <div
        ref={element}
        role="img"
        aria-label={ariaLabel}
        data-testid={testId}
        style={{ width: '100%', height: '100%' }}
      />
      {drawn ? null : wanted ? <ChartPlaceholder /> : <ChartButton onClick={askForCharts} />}
    </div>
  );
}

/** What shows while ECharts loads: a quiet word over the chart's box. */
function ChartPlaceholder() {
  const { token } = theme.useToken();
  return (
    <div
      style={{
        position: 'absolute',
        inset: 0,
        display: 'grid',
        placeItems: 'center',
        pointerEvents: 'none',
        color: token.colorTextTertiary,
      }}
    >
      图表加载中…
    </div>
  );
}

/** What shows before charts are asked for: the button that fetches and draws them. */
function ChartButton({ onClick }: { onClick: () => void }) {
  return (
    <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}>
      <Button onClick={onClick}>显示图表</Button>
    </div>
  );
}

/**
 * A small React wrapper around ECharts: one chart instance per element, options replaced on change,
 * resized with its container. ECharts (only the bar chart and the components the console uses, see
 * `echarts-bar.ts`) is fetched when the chart comes near the screen, not with the page: it outweighs
 * the page itself, and a chart further down is often never scrolled to.
 */

import { theme } from 'antd';
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

export function EChart({ option, height, onClick, ariaLabel, testId }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [drawn, setDrawn] = useState(false);
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;
  const latestOption = useRef(option);
  latestOption.current = option;

  useEffect(() => {
    const node = element.current;
    if (!node) return;
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
  }, []);

  useEffect(() => {
    chart.current?.setOption(asDrawn(option), { notMerge: true });
  }, [option]);

  // ECharts owns the inner element; the placeholder lies over it rather than inside it.
  return (
    <div style={{ position: 'relative', width: '100%', height }}>
      <div
        ref={element}
        role="img"
        aria-label={ariaLabel}
        data-testid={testId}
        style={{ width: '100%', height: '100%' }}
      />
      {drawn ? null : <ChartPlaceholder />}
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

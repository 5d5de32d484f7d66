/**
 * The part of ECharts the console draws with: the bar chart, its grid, legend and tooltip, on canvas.
 * Loaded on demand by `EChart` (a chunk of its own), so pages without a chart on screen never fetch it.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { init };

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './layout/narrow-screens.css';

// antd's ConfigProvider translates antd's own texts; dayjs (dates in pickers and tables) is put in
// Chinese where it is first used (src/lib/dayjs-zh-cn.ts, see vite.config.ts).
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

/**
 * A date range field whose picker loads when it is first used. Its own module, not OnDemand.tsx: it
 * needs antd's Form (for the item's error state), which pages importing OnDemand for a Result do not.
 */
import { CalendarOutlined, SwapRightOutlined } from '@ant-design/icons';
import { Form, theme } from 'antd';
import type { RangePickerProps } from 'antd/es/date-picker/index.js';
import { Suspense, useState } from 'react';
import { AntRangePicker, preloadRangePicker } from './OnDemand.js';

/**
 * A stand-in with the look of an empty RangePicker (two read-only boxes, 开始日期 → 结束日期) that fetches
 * the real one when it is first focused or clicked, then hands over to it focused; the pointer coming over
 * it starts the fetch early. For a form whose dates most visitors never fill in (the date picker's code is
 * ~30 KB compressed): inside a Form.Item it takes the item's id, so the label focuses it, and shows the
 * item's error state.
 */
export function RangePickerWhenFocused(props: RangePickerProps) {
  const [wanted, setWanted] = useState(false);
  const { token } = theme.useToken();
  const { status } = Form.Item.useStatus();
  const id = typeof props.id === 'string' ? props.id : props.id?.start;
  const [startText, endText] = Array.isArray(props.placeholder)
    ? props.placeholder
    : ['开始日期', '结束日期'];
  const input = {
    readOnly: true,
    disabled: props.disabled === true,
    style: {
      flex: 1,
      minWidth: 0,
      border: 0,
      outline: 0,
      padding: 0,
      background: 'transparent',
      font: 'inherit',
      color: token.colorText,
    },
  };
  const standIn = (
    // biome-ignore lint/a11y/noStaticElementInteractions: the inputs inside take the focus; this is their frame
    <div
      onPointerEnter={() => void preloadRangePicker()}
      onFocus={() => setWanted(true)}
      onMouseDown={() => setWanted(true)}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 8,
        width: 256,
        maxWidth: '100%',
        height: token.controlHeight,
        padding: `0 ${token.paddingSM - 1}px`,
        border: `1px solid ${status === 'error' ? token.colorError : token.colorBorder}`,
        borderRadius: token.borderRadius,
        background: props.disabled ? token.colorBgContainerDisabled : token.colorBgContainer,
        cursor: props.disabled ? 'not-allowed' : 'pointer',
      }}
    >
      <input {...input} id={id} aria-label={props['aria-label']} placeholder={startText} />
      <SwapRightOutlined style={{ color: token.colorTextQuaternary }} />
      <input {...input} placeholder={endText} />
      <CalendarOutlined style={{ color: token.colorTextQuaternary }} />
    </div>
  );
  if (!wanted || props.disabled) return standIn;
  return (
    <Suspense fallback={standIn}>
      <AntRangePicker autoFocus {...props} />
    </Suspense>
  );
}

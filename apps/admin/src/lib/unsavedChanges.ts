/**
 * Unsaved edits are not lost silently: while a form holds changes, leaving it — a link, the menu, the
 * back button, closing or reloading the tab — asks first. Inside the console react-router's blocker
 * asks with the console's own dialog; for the tab itself the browser asks (`beforeunload`).
 */
import { App } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';

export const LEAVE_QUESTION = '有尚未保存的修改';
export const LEAVE_EXPLANATION = '离开此页，这些修改将丢失。确定离开吗？';

/**
 * Guards the page while `dirty`. The answer lets the page go once its edits are saved: a form that opens
 * the saved record calls it before navigating, in the same tick as the save's answer.
 */
export function useUnsavedChangesGuard(dirty: boolean): { release: () => void } {
  const { modal } = App.useApp();
  const released = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !released.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: LEAVE_QUESTION,
      content: LEAVE_EXPLANATION,
      okText: '离开，不保存',
      okButtonProps: { danger: true },
      cancelText: '留在此页',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal]);

  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  const release = useCallback(() => {
    released.current = true;
  }, []);
  return { release };
}

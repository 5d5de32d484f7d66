/**
 * A button that asks for one file and hands it over: what the console's imports need of antd's
 * Upload (which also brings an upload list, progress bars and drag and drop, ~15 KB on the wire, to
 * every page with an import button).
 */
import { Button, type ButtonProps } from 'antd';
import { type ReactNode, useRef } from 'react';

export interface FileButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  /** File types offered by the browser's picker, as the `accept` attribute (".xlsx,.csv"). */
  accept?: string;
  onFile: (file: File) => void;
  children: ReactNode;
}

export function FileButton({ accept, onFile, children, ...button }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so that choosing the same file again (after fixing it) is noticed.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button {...button} onClick={() => input.current?.click()}>
        {children}
      </Button>
    </>
  );
}

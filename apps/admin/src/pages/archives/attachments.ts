/**
 * Attachments go around tRPC: the file is the raw body of `POST /api/archives/items/:id/attachments`
 * (a scan is far larger than a JSON request may be) and comes back from `GET /api/archives/attachments/:id`.
 * XMLHttpRequest rather than fetch, because only it reports upload progress.
 */

export function uploadUrl(itemId: string): string {
  return `/api/archives/items/${encodeURIComponent(itemId)}/attachments`;
}

/** Where the browser downloads an attachment (same origin: the session cookie goes along). */
export function downloadUrl(attachmentId: string): string {
  return `/api/archives/attachments/${encodeURIComponent(attachmentId)}`;
}

/** A refused upload: the API's zh-CN message, and its HTTP status (401 means the session is gone). */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** The message to show for a failed upload: the API's `{message}` when it sent one. */
export function uploadFailure(status: number, responseText: string): UploadError {
  if (status === 0) return new UploadError('上传中断：无法连接服务器，请检查网络后重试', 0);
  try {
    const body: unknown = JSON.parse(responseText);
    if (
      typeof body === 'object' &&
      body !== null &&
      typeof (body as { message?: unknown }).message === 'string'
    ) {
      return new UploadError((body as { message: string }).message, status);
    }
  } catch {
    // A proxy's HTML error page: fall through to the status.
  }
  if (status === 413) return new UploadError('文件太大，服务器拒绝接收', status);
  return new UploadError(`上传失败（HTTP ${status}），请稍后重试`, status);
}

/** Sends the file as it is; `onProgress` gets the percentage sent. Resolves with the API's answer. */
export function uploadAttachment(
  itemId: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', uploadUrl(itemId));
    request.withCredentials = true;
    // The browser's guess at the type; the API takes an unknown one as application/octet-stream.
    if (file.type) request.setRequestHeader('Content-Type', file.type);
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) resolve(JSON.parse(request.responseText));
      else reject(uploadFailure(request.status, request.responseText));
    };
    request.onerror = () => reject(uploadFailure(0, ''));
    request.send(file);
  });
}

import { describe, expect, it } from 'vitest';
import { downloadUrl, uploadFailure, uploadUrl } from './attachments.js';

describe('attachment upload messages', () => {
  it('shows the API’s own zh-CN message', () => {
    const error = uploadFailure(413, JSON.stringify({ message: '文件不能超过 200 MB', fieldErrors: null }));
    expect(error.message).toBe('文件不能超过 200 MB');
    expect(error.status).toBe(413);
  });

  it('explains a proxy’s refusal or a lost connection in Chinese', () => {
    expect(uploadFailure(413, '<html>Request Entity Too Large</html>').message).toBe(
      '文件太大，服务器拒绝接收',
    );
    expect(uploadFailure(502, '').message).toBe('上传失败（HTTP 502），请稍后重试');
    expect(uploadFailure(0, '').message).toContain('无法连接服务器');
  });

  it('builds the routes of the API', () => {
    expect(uploadUrl('a1')).toBe('/api/archives/items/a1/attachments');
    expect(downloadUrl('b2')).toBe('/api/archives/attachments/b2');
  });
});

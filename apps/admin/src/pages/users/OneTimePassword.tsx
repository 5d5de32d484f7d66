import { Alert, Typography } from 'antd';

/** The one-time password, shown once: the server keeps only its hash. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  return (
    <div>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="一次性密码只显示这一次"
        description="请现在复制并通过安全渠道交给本人。关闭此窗口后无法再次查看；对方首次登录后须修改密码。"
      />
      <p>
        账号：<Typography.Text strong>{username}</Typography.Text>
      </p>
      <p>
        一次性密码：
        <Typography.Text
          code
          copyable={{ text: password }}
          style={{ fontSize: 18 }}
          data-testid="one-time-password"
        >
          {password}
        </Typography.Text>
      </p>
    </div>
  );
}

import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { homePath } from '../../lib/navigation.js';

export default function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="没有这个页面"
      subTitle="地址可能有误，或该功能尚在筹备中。"
      extra={
        <Button type="primary" onClick={() => navigate(homePath)}>
          返回首页
        </Button>
      }
    />
  );
}

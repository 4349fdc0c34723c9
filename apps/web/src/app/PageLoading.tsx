import { Flex, Spin } from 'antd';
import { useT } from '../i18n/useT';

export function PageLoading() {
  const t = useT();
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240 }} role="status" aria-live="polite">
      <Spin tip={t('app.loading')}>
        <div style={{ width: 48, height: 48 }} />
      </Spin>
    </Flex>
  );
}
